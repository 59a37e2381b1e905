/**
 * The README's Worker snippet, as the runtime suite runs it in workerd
 * (the README imports from 'otp-flow/proxy'). Variables and secrets are the
 * same names as `otp-flow serve`'s environment.
 */
import { createOtpProxy, optionsFromEnv, type OtpProxyHandler } from '../../../src/proxy/index.js';

let handle: OtpProxyHandler | undefined;

export default {
  async fetch(request: Request, env: Record<string, string>): Promise<Response> {
    // Built on the first request: that is where a Worker gets `env`, and where it may make random values.
    handle ??= createOtpProxy(optionsFromEnv(env));
    // The socket is Cloudflare's; the client is named in CF-Connecting-IP.
    return handle(request, { remoteAddress: request.headers.get('cf-connecting-ip') ?? undefined });
  },
};
