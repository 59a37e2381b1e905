/**
 * Who is asking: the addresses a client's budgets are keyed on.
 *
 * The socket's address, unless the operator says how many proxies stand in
 * front (`OTP_TRUST_PROXY`). Then the address is read that many hops back in
 * X-Forwarded-For, counting from the right: entries a client writes itself
 * sit further left and are never reached, so rotating them changes nothing.
 * Runtimes that know the client by other means (Cloudflare's
 * `CF-Connecting-IP`) hand the address in directly.
 */
import ipaddr from 'ipaddr.js';

export interface ClientKeys {
  /** IPv4 as is; IPv6 by its /64, which one subscriber usually holds whole. */
  address: string;
  /**
   * IPv6 only: the /48 around it. One site or one customer of a hosting
   * provider holds a /48 (65,536 /64s), so it gets a budget of its own too.
   */
  network: string | undefined;
}

const prefix = (parts: number[], groups: number) => parts.slice(0, groups).map((p) => p.toString(16)).join(':');

/** Dotted-decimal IPv4 already in the form ipaddr.js prints: no leading zeros, each part up to 255. */
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Longer than any address (IPv6 with an IPv4 tail and a zone): a 16 KB X-Forwarded-For entry is not parsed. */
const MAX_ADDRESS = 64;

function addressKeys(address: string): ClientKeys | undefined {
  if (address.length > MAX_ADDRESS) return undefined;
  // What a socket reports for an IPv4 client, every time: the key is the address itself, no parse needed.
  if (CANONICAL_IPV4.test(address)) return { address, network: undefined };
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns IPv4-mapped IPv6 (::ffff:1.2.3.4) into plain IPv4.
    parsed = ipaddr.process(address.trim());
  } catch {
    return undefined;
  }
  if (parsed.kind() === 'ipv4') return { address: parsed.toString(), network: undefined };
  const parts = (parsed as ipaddr.IPv6).parts;
  return { address: `${prefix(parts, 4)}::/64`, network: `${prefix(parts, 3)}::/48` };
}

const UNKNOWN: ClientKeys = { address: 'unknown', network: undefined };

export function clientKeys(request: Request, socketAddress: string | undefined, trustProxy: number): ClientKeys {
  const socket = addressKeys(socketAddress ?? '') ?? UNKNOWN;
  if (trustProxy <= 0) return socket;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ''];
  // Walk from the trusted end towards the client, stopping at the last hop we trust.
  for (let i = chain.length - 2, hops = 1; i >= 0 && hops <= trustProxy; i--, hops++) {
    const keys = addressKeys(chain[i]!);
    if (!keys) break;
    if (hops === trustProxy || i === 0) return keys;
  }
  return socket;
}
