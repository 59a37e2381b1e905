/** The environment the CLI runs with: the process's, over `.env` files in a folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../proxy/config.js';

export type Env = Record<string, string | undefined>;

/** Later files override earlier ones, and the real environment overrides them all. */
export function loadEnv(dir = process.cwd(), env: Env = process.env, files: readonly string[] = ['.env']): Env {
  const merged: Env = {};
  for (const name of files) {
    const file = join(dir, name);
    if (existsSync(file)) Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  }
  // Real environment wins: that is how platforms and CI inject secrets.
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[name] = value;
  return merged;
}

const portError = 'must be a port number from 0 to 65535';
const Listen = z.object({
  PORT: z.coerce.number({ error: portError }).int(portError).min(0, portError).max(65535, portError).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
});

export function listenFromEnv(env: Env): { port: number; host: string } {
  const result = Listen.safeParse({ PORT: env.PORT || undefined, HOST: env.HOST || undefined });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  return { port: result.data.PORT, host: result.data.HOST };
}

const RedisUrl = z
  .string()
  .refine((u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol), { error: 'must be a redis:// or rediss:// URL' });

/** `REDIS_URL`, validated; undefined when unset. */
export function redisUrlFromEnv(env: Env): string | undefined {
  if (!env.REDIS_URL) return undefined;
  const result = RedisUrl.safeParse(env.REDIS_URL);
  if (!result.success) throw new ConfigError(`REDIS_URL ${result.error.issues[0]!.message}`);
  return result.data;
}
