/**
 * Runs an outbox's due postbacks on a timer, for long-lived processes
 * (`otp-flow serve`, the Node kit, an app with `otp-flow/node`). A Worker has
 * no such process: there each postback's Durable Object delivers itself from
 * its alarm.
 *
 * One pass at a time, each bounded by the runner's concurrency; passes follow
 * each other at once while there is work and every `intervalMs` when there is
 * none. `wake()` starts a pass now (after a conversion is recorded, so its
 * postback leaves within milliseconds, not at the next tick). `close()` stops
 * the timer and waits for the pass in progress, whose attempts end at their
 * deadline at the latest; what it did not reach stays in the outbox.
 */
import type { Logger } from './log.js';
import type { PostbackRunner } from './postback-delivery.js';

export interface PostbackDriver {
  wake(): void;
  close(): Promise<void>;
}

export interface PostbackDriverOptions {
  intervalMs?: number;
  log?: Logger;
}

export function startPostbackDriver(runner: PostbackRunner, { intervalMs = 1_000, log = () => {} }: PostbackDriverOptions = {}): PostbackDriver {
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> | undefined;
  let again = false;
  let failing = false;

  const schedule = (ms: number) => {
    if (closed) return;
    timer = setTimeout(run, ms);
    // Node: a waiting driver does not keep the process alive; close() is still what stops it.
    (timer as { unref?: () => void }).unref?.();
  };

  async function once(): Promise<number> {
    try {
      const claimed = await runner.runDue();
      if (failing) log({ level: 'info', event: 'postback.outbox_available', message: 'The postback outbox answers again.' });
      failing = false;
      return claimed;
    } catch (error) {
      // Once per outage: a store that is down would otherwise write this line every second.
      if (!failing) {
        log({
          level: 'error',
          event: 'postback.outbox_unavailable',
          detail: (error as Error)?.message ?? String(error),
          message: 'The postback outbox cannot be read; pending postbacks wait until it is back.',
        });
      }
      failing = true;
      return 0;
    }
  }

  function run(): void {
    timer = undefined;
    again = false;
    pass = once().then((claimed) => {
      pass = undefined;
      schedule(claimed > 0 || again ? 0 : intervalMs);
    });
  }

  schedule(0);
  return {
    wake() {
      if (closed) return;
      if (pass) {
        again = true;
        return;
      }
      clearTimeout(timer);
      run();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
