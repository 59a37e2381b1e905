/**
 * Structured log lines, one JSON object per line.
 *
 * Every line passes through `redacting`, which removes the configured secrets
 * from every string field: a last line of defence should an upstream error
 * text or an exception message ever echo the key back.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  event: string;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

export const silentLogger: Logger = () => {};

export function redacting(logger: Logger, secrets: readonly string[]): Logger {
  const needles = secrets.filter((s) => s.length >= 4);
  if (needles.length === 0) return logger;
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return needles.reduce((s, n) => s.split(n).join('[redacted]'), value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    }
    return value;
  };
  return (entry) => logger(scrub(entry) as LogEntry);
}
