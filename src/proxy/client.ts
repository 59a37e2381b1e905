/**
 * Who is asking: the address a per-client budget is keyed on.
 *
 * The socket's address, unless the operator says how many proxies stand in
 * front (`OTP_TRUST_PROXY`). Then the address is read that many hops back in
 * X-Forwarded-For, counting from the right: entries a client writes itself
 * sit further left and are never reached, so rotating them changes nothing.
 */
import ipaddr from 'ipaddr.js';

/** An address as a budget key: IPv4 as is, IPv6 by its /64, which one subscriber usually holds whole. */
export function addressKey(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.trim());
  } catch {
    return undefined;
  }
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}

export function clientKey(request: Request, socketAddress: string | undefined, trustProxy: number): string {
  const socket = addressKey(socketAddress ?? '') ?? 'unknown';
  if (trustProxy <= 0) return socket;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ''];
  // Walk from the trusted end towards the client, stopping at the last hop we trust.
  for (let i = chain.length - 2, hops = 1; i >= 0 && hops <= trustProxy; i--, hops++) {
    const key = addressKey(chain[i]!);
    if (!key) break;
    if (hops === trustProxy || i === 0) return key;
  }
  return socket;
}
