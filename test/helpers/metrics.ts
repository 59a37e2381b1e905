/** Prometheus' text exposition from a running `otp-flow serve`, scraped and parsed: enough to find a series by its labels. */
import assert from 'node:assert/strict';
import type { Started } from '../../support/cli.js';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format, parsed: enough to find a series by its labels. */
export function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/);
    assert.ok(match, `an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[name!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

export function value(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.keys(labels).length === Object.keys(s.labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

export async function scrape(app: Started): Promise<{ text: string; samples: Sample[] }> {
  const [, url] = await app.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
  const reply = await fetch(url!, { signal: AbortSignal.timeout(5_000) });
  assert.equal(reply.status, 200);
  assert.match(reply.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await reply.text();
  return { text, samples: parse(text) };
}

