/**
 * The README's Bun snippet, as the runtime suite serves it (the README
 * imports from 'otp-flow/proxy'; the declaration below is for tsc, which has
 * no Bun types here). Configured by the same variables as `otp-flow serve`.
 */
import { createOtpProxy, optionsFromEnv } from '../../../src/proxy/index.js';

declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch(request: Request, server: { requestIP(request: Request): { address: string } | null }): Promise<Response>;
  }): { url: URL };
};

const handle = createOtpProxy(optionsFromEnv(process.env));

const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8787),
  fetch: (request, server) => handle(request, { remoteAddress: server.requestIP(request)?.address }),
});
console.log(`Listening on ${server.url}`);
