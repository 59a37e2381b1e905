/**
 * Summarises a V8 CPU profile (`--cpu-prof`, e.g. from `PROFILE_DIR=… npm run
 * bench:proxy`): self time by function and by where the code comes from, and
 * inclusive time of the few frames that say what a request costs.
 *
 *   npx tsx bench/profile.ts /tmp/prof/CPU.….cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node, in µs, from the sample timeline.
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
const busy = total - idle;

function origin(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : 'native';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) {
    const mod = url.slice(5).replace(/^internal\/deps\//, '').split('/');
    return `node:${mod.slice(0, mod[0] === 'internal' ? 2 : 1).join('/')}`;
  }
  const ours = url.match(/dist\/lib\/(.+)$/) ?? url.match(/\/src\/(.+)$/);
  return ours ? `otp-flow ${ours[1]}` : url;
}

/**
 * Which part of the work a sample belongs to, for comparing a proxy with a
 * bare forwarder and one build with another. `node:undici` is Node's own
 * fetch (Request, Response, Headers); `undici` is the package, the upstream client.
 */
function part(n: Node): string {
  const { functionName: name, url } = n.callFrame;
  const from = origin(url, name);
  if (['writev', 'writeLatin1String', 'writeUtf8String', 'writeBuffer', 'writevGeneric'].includes(name)) return 'socket writes';
  if (from === '(garbage collector)') return 'garbage collection';
  if (/^node:internal\/modules|^tsx$|cjs-module-lexer|node:internal\/bootstrap|node:internal\/source_map/.test(from)) return 'start-up (module loading)';
  if (from === 'node:undici' || from === 'node:internal/webstreams' || name === 'makeTransferable' || name === 'createAbortSignal') return 'fetch objects (Request, Response, streams)';
  if (from === 'undici' || url.startsWith('wasm://')) return 'upstream client (undici)';
  if (['runMicrotasks', 'processTicksAndRejections', 'nextTick'].includes(name)) return 'promises and ticks';
  if (name === '(program)') return 'V8, unattributed';
  if (/^node:(_http|net|internal\/streams|internal\/stream_base|events|internal\/http)/.test(from)) return 'node:http and streams';
  if (/crypto|session\.js/.test(from)) return 'crypto (sessions, store keys)';
  if (/libphonenumber|phone\.js/.test(from)) return 'phone numbers';
  if (/store\.js|memory-store\.js|limits\.js|ioredis|redis/.test(from)) return 'budgets and stores';
  if (from === 'zod') return 'zod';
  if (/^otp-flow (proxy|contract|shared)/.test(from) || from === 'ipaddr.js') return 'proxy core, other';
  if (/^otp-flow (adapters|cli)/.test(from)) return 'Node adapter';
  return 'other';
}

const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
const group = (key: (n: Node) => string) => {
  const sums = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') continue;
    const k = key(n);
    sums.set(k, (sums.get(k) ?? 0) + us);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
};

console.log(`${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%)\n`);
const startup = group(part).find(([k]) => k.startsWith('start-up'))?.[1] ?? 0;
console.log(`Self time by part (of the busy time after start-up, ${((busy - startup) / 1e6).toFixed(1)} s):`);
for (const [k, us] of group(part)) if (!k.startsWith('start-up')) console.log(`  ${((us / (busy - startup)) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log('\nSelf time by origin:');
for (const [k, us] of group((n) => origin(n.callFrame.url, n.callFrame.functionName)).slice(0, top)) console.log(`  ${pct(us).padStart(6)}  ${k}`);
console.log('\nSelf time by function:');
for (const [k, us] of group((n) => `${n.callFrame.functionName || '(anonymous)'}  ${origin(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`).slice(0, top)) {
  console.log(`  ${pct(us).padStart(6)}  ${k}`);
}

// Inclusive time: a node's self time counted for every distinct function on its stack.
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)!;
    const k = `${n.callFrame.functionName || '(anonymous)'}  ${origin(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
console.log('\nInclusive time by function (otp-flow code and the fetch classes):');
const interesting = /otp-flow|undici|(^|\s)(Request|Response|Headers|ReadableStream)\b/;
for (const [k, us] of [...inclusive].filter(([k]) => interesting.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${pct(us).padStart(6)}  ${k}`);
}
