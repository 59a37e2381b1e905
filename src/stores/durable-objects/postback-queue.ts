/**
 * The Worker's postback outbox: one Durable Object per postback
 * (`idFromName(txid)`), which stores it and delivers it itself from its
 * alarm (`postback-object.ts`). Adding is one call to that object, which runs
 * one call at a time wherever it is called from: the same txid added ten
 * times at once is one postback, whatever isolate each add came from.
 *
 * Only `add` lives here: there is no claiming, because no process outside
 * the object delivers. Nor a size: the objects are not listed anywhere; each
 * attempt is a `metric` log line instead.
 */
import type { PostbackEntry } from '../../proxy/postback.js';
import type { PostbackQueue, RetryPolicy } from '../../proxy/outbox.js';
import type { ObjectNamespace } from './client.js';

/** How a postback's object delivers it; stored with the postback, so every retry follows the settings it was added under. */
export interface PostbackDelivery {
  policy?: RetryPolicy;
  timeoutMs?: number;
  /** How long the object keeps a done postback's txid, so the same one is not added again. */
  retentionMs?: number;
}

/** What the Worker calls on one postback's object. */
export interface PostbackObject {
  enqueue(entry: PostbackEntry, delivery: PostbackDelivery): Promise<boolean>;
}

export class DurableObjectPostbackQueue implements PostbackQueue {
  readonly shared = true;
  readonly durable = true;
  readonly #objects: ObjectNamespace<PostbackObject>;
  readonly #delivery: PostbackDelivery;

  constructor(objects: ObjectNamespace<PostbackObject>, delivery: PostbackDelivery = {}) {
    this.#objects = objects;
    this.#delivery = delivery;
  }

  add(entry: PostbackEntry): Promise<boolean> {
    return this.#objects.get(this.#objects.idFromName(entry.txid)).enqueue(entry, this.#delivery);
  }
}
