/**
 * The one piece of the Workers runtime module this adapter imports. Declared
 * here rather than by loading @cloudflare/workers-types globally, whose
 * `Request`, `Response` and `fetch` would collide with the DOM types the rest
 * of the repository is checked against.
 */
declare module 'cloudflare:workers' {
  import type { DurableObjectState } from '@cloudflare/workers-types/index.ts';

  /** Extending it makes a Durable Object's public methods callable over RPC from a stub. */
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
    /** Runs when the alarm set with `ctx.storage.setAlarm` is due. */
    alarm?(): void | Promise<void>;
  }
}
