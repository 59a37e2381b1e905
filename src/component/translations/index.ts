/**
 * Every built-in language, listed once. Tailored bundles import only the ones a campaign needs.
 *
 * Each file, named by its BCP 47 code, exports the component's texts as its default and the words
 * of a landing page around the component as `page`.
 */
import type { PageTexts, Translation } from '../localize.js';
import * as en from './en.js';
import * as ar from './ar.js';
import * as fa from './fa.js';
import * as ur from './ur.js';
import * as ckb from './ckb.js';
import * as ps from './ps.js';
import * as he from './he.js';
import * as tr from './tr.js';
import * as fr from './fr.js';
import * as es from './es.js';
import * as pt from './pt.js';
import * as it from './it.js';
import * as de from './de.js';
import * as nl from './nl.js';
import * as pl from './pl.js';
import * as ro from './ro.js';
import * as el from './el.js';
import * as ru from './ru.js';
import * as uk from './uk.js';
import * as kk from './kk.js';
import * as uz from './uz.js';
import * as az from './az.js';
import * as ka from './ka.js';
import * as hi from './hi.js';
import * as bn from './bn.js';
import * as mr from './mr.js';
import * as ta from './ta.js';
import * as te from './te.js';
import * as ne from './ne.js';
import * as si from './si.js';
import * as id from './id.js';
import * as ms from './ms.js';
import * as fil from './fil.js';
import * as th from './th.js';
import * as vi from './vi.js';
import * as my from './my.js';
import * as km from './km.js';
import * as lo from './lo.js';
import * as zhHans from './zh-Hans.js';
import * as zhHant from './zh-Hant.js';
import * as ja from './ja.js';
import * as ko from './ko.js';
import * as sw from './sw.js';
import * as am from './am.js';
import * as ha from './ha.js';
import * as yo from './yo.js';
import * as so from './so.js';
import * as zu from './zu.js';

interface LanguageFile {
  default: Translation;
  page: PageTexts;
}

/**
 * By code, in the order pickers show them: English, then by region (Middle East and Turkey; Europe;
 * Central Asia and the Caucasus; South Asia; South-East Asia; East Asia; Africa).
 */
const files = {
  en,
  ar,
  fa,
  ur,
  ckb,
  ps,
  he,
  tr,
  fr,
  es,
  pt,
  it,
  de,
  nl,
  pl,
  ro,
  el,
  ru,
  uk,
  kk,
  uz,
  az,
  ka,
  hi,
  bn,
  mr,
  ta,
  te,
  ne,
  si,
  id,
  ms,
  fil,
  th,
  vi,
  my,
  km,
  lo,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ja,
  ko,
  sw,
  am,
  ha,
  yo,
  so,
  zu,
} satisfies Record<string, LanguageFile>;

export type Language = keyof typeof files;

/** Every built-in language code, in the order pickers show them. */
export const LANGUAGES = Object.keys(files) as Language[];

const byCode = <T>(pick: (file: LanguageFile) => T) => Object.fromEntries(LANGUAGES.map((code) => [code, pick(files[code])])) as Record<Language, T>;

/** Component texts by code. */
export const translations = byCode((file) => file.default);

/** Page texts by code, for `otp-flow init --lang` and the demo. */
export const pages = byCode((file) => file.page);
