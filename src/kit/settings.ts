/**
 * The settings a kit's files list: every one the schemas define (the proxy's,
 * and the Node server's for the Node kit), each with the value init knew for
 * the campaign, or its default. A setting added to a schema is listed here
 * with nothing more to write.
 */
import { ENV_NAMES, type Setting } from '../proxy/config.js';
import type { KitSettings } from './page.js';

/** What init knew, by variable: the campaign's IDs and countries, and its origin (empty until it is known). */
export function kitValues(kit: KitSettings): Record<string, string> {
  const values: Record<string, string | undefined> = {
    [ENV_NAMES['offer18.aid']!]: kit.aid,
    [ENV_NAMES['offer18.mid']!]: kit.mid,
    [ENV_NAMES['offer18.partner']!]: kit.partner,
    [ENV_NAMES['offer18.userId']!]: kit.userId,
    [ENV_NAMES['offer18.type']!]: kit.type,
    [ENV_NAMES.countries!]: kit.countries.join(','),
    [ENV_NAMES.publicOrigins!]: kit.origin ?? '',
    [ENV_NAMES['postback.url']!]: kit.postbackUrl,
    [ENV_NAMES['postback.payout']!]: kit.postbackPayout,
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A setting as a settings file shows it: a list comma-separated, nothing as empty. */
export function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
}

export interface Listed {
  setting: Setting;
  value: string;
  /**
   * Written to take effect: a value init knew, a suggestion (NODE_ENV), or an
   * empty line to fill (the key). Every other setting is listed commented out
   * at its default: a copied file pins nothing (`npm run simulate` raises the
   * budgets unless they are set).
   */
  set: boolean;
}

export function listed(settings: readonly Setting[], kit: KitSettings): Listed[] {
  const values = kitValues(kit);
  return settings.map((setting) => {
    const value = values[setting.env] ?? setting.example;
    const set = value !== undefined || setting.required || setting.secret === true;
    return { setting, value: value ?? shown(setting.default), set };
  });
}
