/**
 * The Cloudflare kit's Worker for `npm run simulate` (`dist/kit/simulate.js`,
 * the kit's `simulate.js`, run by `wrangler dev`, never deployed): the same
 * Worker with the built-in Offer18 simulator in this isolate in place of
 * Offer18. No credentials, no SMS, nothing leaves; codes are printed with
 * console.log, which `wrangler dev` shows in the terminal.
 */
import { Offer18Simulator } from '../../simulator/offer18-simulator.js';
import { simulationSettings } from '../../simulator/simulation-settings.js';
import { createWorker, type StandIn } from './app.js';

export { OtpBudget, OtpSession } from '../../stores/durable-objects/objects.js';
export { OtpPostback } from '../../stores/durable-objects/postback-object.js';

/** Any http(s) URL does: the transport hands the request to the simulator in this isolate. */
const SIMULATOR_API_BASE = 'http://offer18-simulator.invalid/api/af';

function simulator(): StandIn {
  const simulator = new Offer18Simulator({ print: (line) => console.log(line) });
  return {
    settings: (given) => ({
      ...simulationSettings(given, simulator.credentials, SIMULATOR_API_BASE),
      // Pages on this machine only: a simulation deployed by mistake must not fake conversions for real visitors.
      OTP_PUBLIC_ORIGIN: '',
      OTP_ALLOWED_ORIGINS: '',
    }),
    transport: async (url) => {
      const reply = await simulator.fetch(new Request(url, { method: 'POST', headers: { accept: 'application/json' } }));
      return { status: reply.status, body: await reply.text() };
    },
    warning: {
      event: 'config.simulation',
      message: 'SIMULATION MODE: no SMS is sent and nothing reaches Offer18. Codes "sent" are printed here. Only pages on this machine are served.',
    },
  };
}

export default createWorker(simulator);
