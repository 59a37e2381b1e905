/**
 * The Cloudflare kit's Worker as `npm run deploy` ships it (`dist/kit/worker.js`,
 * the kit's `worker.js`): the proxy and its Durable Objects, against Offer18.
 * The simulator is not in it; `npm run simulate` runs `simulate.ts`.
 */
import { createWorker } from './app.js';

export { OtpBudget, OtpSession } from '../../stores/durable-objects/objects.js';
export { OtpPostback } from '../../stores/durable-objects/postback-object.js';

export default createWorker();
