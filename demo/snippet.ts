/**
 * The command the demo shows for the chosen settings, in a module of its own
 * so that test/e2e/tarball.test.ts runs exactly what the demo shows, from the
 * tarball, with no terminal.
 */
import pkg from '../package.json' with { type: 'json' };

/** What `npm pack` writes in the repository: otp-flow is not on the npm registry. */
export const TARBALL = `otp-flow-${pkg.version}.tgz`;

export interface KitChoice {
  country: string;
  /** Comma list, or empty for one country. */
  countries: string;
  lang: string;
}

/** `otp-flow init` from the tarball; `--yes` because npx asks before installing, and cannot ask without a terminal. */
export function initCommand({ country, countries, lang }: KitChoice): string {
  return (
    `npx --yes --package ./${TARBALL} otp-flow init ./landing --aid 1234 --mid 5678 --partner acme --country ${country}` +
    (countries ? ` --countries ${countries}` : '') +
    (lang !== 'en' ? ` --lang ${lang}` : '')
  );
}
