/**
 * The README's Deno snippet, as the runtime suite serves it (the README
 * imports from 'otp-flow/proxy'; the declaration below is for tsc, which has
 * no Deno types here). Configured by the same variables as `otp-flow serve`.
 */
import { createOtpProxy, optionsFromEnv } from '../../../src/proxy/index.js';

declare const Deno: {
  env: { get(name: string): string | undefined; toObject(): Record<string, string> };
  serve(
    options: { hostname: string; port: number },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): unknown;
};

const handle = createOtpProxy(optionsFromEnv(Deno.env.toObject()));

Deno.serve(
  { hostname: Deno.env.get('HOST') ?? '127.0.0.1', port: Number(Deno.env.get('PORT') ?? 8787) },
  (request, info) => handle(request, { remoteAddress: info.remoteAddr.hostname }),
);
