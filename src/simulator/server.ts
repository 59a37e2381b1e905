/** The simulator on a real port, for tests and `otp-flow serve --simulate`. */
import { createListener, createNodeServer, listen, type RunningServer } from '../adapters/node.js';
import { Offer18Simulator } from './offer18-simulator.js';

export interface RunningSimulator extends RunningServer {
  simulator: Offer18Simulator;
  /** The value for `OFFER18_API_BASE`. */
  apiBase: string;
}

export async function startSimulator(
  simulator: Offer18Simulator = new Offer18Simulator(),
  { port = 0, host = '127.0.0.1' } = {},
): Promise<RunningSimulator> {
  // The simulator stops a slow or hanging reply when the caller gives up, as a real server's work would be lost.
  const listener = createListener(simulator.fetch, { abortOnClose: true });
  const server = createNodeServer((req, res) => {
    const endpoint = Offer18Simulator.endpointOf(new URL(req.url ?? '/', 'http://x').pathname);
    // A connection reset, or a body that arrives a byte at a time, is something only the socket's owner can do.
    const fault = endpoint && simulator.faultFor(endpoint);
    if (endpoint && fault === 'reset') {
      simulator.calls.push({ endpoint, method: req.method ?? '', params: {}, at: Date.now() });
      req.socket.destroy();
      return;
    }
    if (endpoint && fault === 'dribble') {
      simulator.calls.push({ endpoint, method: req.method ?? '', params: {}, at: Date.now() });
      const body = Buffer.from(simulator.successBody(endpoint));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= body.length || res.destroyed) return clearInterval(timer);
        res.write(body.subarray(sent, ++sent));
        if (sent === body.length) res.end();
      }, simulator.faultOptions.delayMs ?? 400);
      res.once('close', () => clearInterval(timer));
      return;
    }
    void listener(req, res);
  });
  const running = await listen(server, port, host);
  return {
    ...running,
    simulator,
    apiBase: `${running.url}/api/af`,
    close: async () => {
      simulator.close();
      await running.close();
    },
  };
}
