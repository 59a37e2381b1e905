/**
 * What workerd runs: the README's Worker (every request but one goes to it)
 * and, at `/__conformance/run`, the conformance cases named in the request.
 * One request per case: a Worker request has a budget of subrequests, and a
 * case's failure then names itself.
 */
import worker from './snippets/worker.js';
import { runCases, type ConformanceConfig } from './cases.js';

export default {
  async fetch(request: Request, env: Record<string, string>): Promise<Response> {
    if (new URL(request.url).pathname !== '/__conformance/run') return worker.fetch(request, env);
    const { config, names } = (await request.json()) as { config: ConformanceConfig; names: string[] };
    const results = await runCases(config, names);
    // Read off globalThis, not as free names: the neutral bundle would rewrite those.
    const global = globalThis as Record<string, unknown>;
    const about = { userAgent: navigator.userAgent, process: typeof global.process, Buffer: typeof global.Buffer };
    return Response.json({ results, about });
  },
};
