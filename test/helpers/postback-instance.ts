/**
 * One proxy instance's postback side, as a process of its own, for the test
 * of an instance that dies mid-delivery: it records a conversion's postback
 * in Redis and starts delivering it (to a tracker that the test keeps
 * hanging), then waits to be killed.
 *
 * node --import tsx test/helpers/postback-instance.ts <redis-url> <postback-url> <txid>
 */
import { Redis } from 'ioredis';
import { createPostbackRunner } from '../../src/proxy/postback-delivery.js';
import { RedisPostbackOutbox } from '../../src/stores/redis-outbox.js';

const [redisUrl, url, txid] = process.argv.slice(2) as [string, string, string];
const outbox = new RedisPostbackOutbox(new Redis(redisUrl));
await outbox.add({ txid, event: 'verified', method: 'GET', url, createdAt: Date.now() });
console.log('added');
await createPostbackRunner({ outbox, timeoutMs: 60_000 }).runDue();
