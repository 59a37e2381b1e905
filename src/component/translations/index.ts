/**
 * Every built-in language. Tailored bundles import only the ones a campaign needs.
 *
 * `translations` holds each language's component texts (its default export),
 * `pages` the words of a landing page around the component (its `page`), both
 * keyed by BCP 47 code.
 */
import type { PageTexts, Translation } from '../localize.js';
import en, { page as enPage } from './en.js';
import ar, { page as arPage } from './ar.js';
import fa, { page as faPage } from './fa.js';
import ur, { page as urPage } from './ur.js';
import ckb, { page as ckbPage } from './ckb.js';
import ps, { page as psPage } from './ps.js';
import he, { page as hePage } from './he.js';
import tr, { page as trPage } from './tr.js';
import fr, { page as frPage } from './fr.js';
import es, { page as esPage } from './es.js';
import pt, { page as ptPage } from './pt.js';
import it, { page as itPage } from './it.js';
import de, { page as dePage } from './de.js';
import nl, { page as nlPage } from './nl.js';
import pl, { page as plPage } from './pl.js';
import ro, { page as roPage } from './ro.js';
import el, { page as elPage } from './el.js';
import ru, { page as ruPage } from './ru.js';
import uk, { page as ukPage } from './uk.js';
import kk, { page as kkPage } from './kk.js';
import uz, { page as uzPage } from './uz.js';
import az, { page as azPage } from './az.js';
import ka, { page as kaPage } from './ka.js';
import hi, { page as hiPage } from './hi.js';
import bn, { page as bnPage } from './bn.js';
import mr, { page as mrPage } from './mr.js';
import ta, { page as taPage } from './ta.js';
import te, { page as tePage } from './te.js';
import ne, { page as nePage } from './ne.js';
import si, { page as siPage } from './si.js';
import id, { page as idPage } from './id.js';
import ms, { page as msPage } from './ms.js';
import fil, { page as filPage } from './fil.js';
import th, { page as thPage } from './th.js';
import vi, { page as viPage } from './vi.js';
import my, { page as myPage } from './my.js';
import km, { page as kmPage } from './km.js';
import lo, { page as loPage } from './lo.js';
import zhHans, { page as zhHansPage } from './zh-Hans.js';
import zhHant, { page as zhHantPage } from './zh-Hant.js';
import ja, { page as jaPage } from './ja.js';
import ko, { page as koPage } from './ko.js';
import sw, { page as swPage } from './sw.js';
import am, { page as amPage } from './am.js';
import ha, { page as haPage } from './ha.js';
import yo, { page as yoPage } from './yo.js';
import so, { page as soPage } from './so.js';
import zu, { page as zuPage } from './zu.js';

/**
 * Component texts by code, in the order pickers show them: English, then by
 * region (Middle East and Turkey; Europe; Central Asia and the Caucasus; South
 * Asia; South-East Asia; East Asia; Africa).
 */
export const translations = {
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
} satisfies Record<string, Translation>;

export type Language = keyof typeof translations;

/** Page texts by code, for `otp-flow init --lang` and the demo; the same codes as `translations`. */
export const pages: Record<Language, PageTexts> = {
  en: enPage,
  ar: arPage,
  fa: faPage,
  ur: urPage,
  ckb: ckbPage,
  ps: psPage,
  he: hePage,
  tr: trPage,
  fr: frPage,
  es: esPage,
  pt: ptPage,
  it: itPage,
  de: dePage,
  nl: nlPage,
  pl: plPage,
  ro: roPage,
  el: elPage,
  ru: ruPage,
  uk: ukPage,
  kk: kkPage,
  uz: uzPage,
  az: azPage,
  ka: kaPage,
  hi: hiPage,
  bn: bnPage,
  mr: mrPage,
  ta: taPage,
  te: tePage,
  ne: nePage,
  si: siPage,
  id: idPage,
  ms: msPage,
  fil: filPage,
  th: thPage,
  vi: viPage,
  my: myPage,
  km: kmPage,
  lo: loPage,
  'zh-Hans': zhHansPage,
  'zh-Hant': zhHantPage,
  ja: jaPage,
  ko: koPage,
  sw: swPage,
  am: amPage,
  ha: haPage,
  yo: yoPage,
  so: soPage,
  zu: zuPage,
};

/** Every built-in language code, in the order pickers show them. */
export const LANGUAGES = Object.keys(translations) as Language[];
