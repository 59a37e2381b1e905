/**
 * Structured log lines, one JSON object per line, through `console.log` by
 * default so every runtime has a sink (Workers: `wrangler tail`); Node's CLI
 * writes to stdout directly.
 *
 * Every line passes through `redacting` before it is written:
 * 1. the configured secrets are removed from every string, in every spelling
 *    a URL, a form, JSON or base64 would give them;
 * 2. digits in text the proxy did not write itself (Offer18's error text, an
 *    exception message) are masked: upstream text quotes numbers and codes;
 * 3. every string is cut to a length, so a client-supplied header cannot
 *    make a log line large.
 * In that order: cutting first can leave the start of a secret behind.
 */
import { trimEnd } from '../shared/text.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  event: string;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

export function jsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  return (entry) => write(JSON.stringify({ time: new Date().toISOString(), ...entry }));
}

export const silentLogger: Logger = () => {};

/** Fields holding text from outside the proxy: digits in them are masked. */
const FOREIGN_TEXT = new Set(['detail', 'upstream']);
const MAX_STRING = 256;
const MAX_STACK = 4096;

function toBase64(text: string, url: boolean): string {
  const binary = Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join('');
  const b64 = trimEnd(btoa(binary), '=');
  return url ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64;
}

/** Every way a secret travels that a log line might quote. */
function spellings(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const all = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    form,
    form.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    JSON.stringify(secret).slice(1, -1),
    toBase64(secret, false),
    toBase64(secret, true),
  ];
  // Longest first, so a spelling that contains another is removed whole.
  return [...new Set(all)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Runs of 4 or more digits, the way codes and numbers appear in text (also
 * with spaces or dashes inside: `987 654`, `+971-50-123`), become `#`s.
 */
function maskDigits(text: string): string {
  return text.replace(/\+?\d(?:[\d\s-]*\d)?/g, (run) => (run.replace(/\D/g, '').length >= 4 ? run.replace(/\d/g, '#') : run));
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[${text.length - max} more]`;
}

export function redacting(logger: Logger, secrets: ReadonlyArray<string | undefined>): Logger {
  // An unset secret is skipped, not spelled "undefined".
  const needles = [...new Set(secrets.flatMap((s) => (s ? spellings(s) : [])))];
  const clean = (value: unknown, field: string): unknown => {
    if (typeof value === 'string') {
      let text = value;
      for (const needle of needles) if (text.includes(needle)) text = text.split(needle).join('[redacted]');
      if (FOREIGN_TEXT.has(field)) text = maskDigits(text);
      return cut(text, field === 'stack' ? MAX_STACK : MAX_STRING);
    }
    if (Array.isArray(value)) return value.map((v) => clean(v, field));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)]));
    }
    return value;
  };
  return (entry) => logger(clean(entry, '') as LogEntry);
}
