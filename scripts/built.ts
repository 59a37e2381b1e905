/**
 * Builds dist/ unless it is already the build of these sources. `npm run
 * test:node` and `npm run test:e2e` start with it: they run the otp-flow
 * command and the kits from dist/, so on a fresh clone they build it first,
 * and after an edit they never test yesterday's build. `npm run build`
 * leaves dist/.built behind; anything it is built from that is newer means
 * building again.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const STAMP = 'dist/.built';
const INPUTS = ['src', 'scripts', 'demo', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'custom-elements-manifest.config.mjs'];

/** The newest modification time under `path`, 0 when it is not there. */
function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// Run as a command; imported (by build.ts, for STAMP), it does nothing.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (Math.max(...INPUTS.map(newest)) > built) {
    process.stderr.write(built ? 'dist/ is older than the sources: building it again\n' : 'dist/ is not built yet: building it\n');
    const { status } = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    process.exit(status ?? 1);
  }
}
