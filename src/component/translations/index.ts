/** Every built-in language. Tailored bundles import only the ones a campaign needs. */
import en from './en.js';
import ar from './ar.js';
import fa from './fa.js';
import ur from './ur.js';
import fr from './fr.js';
import es from './es.js';
import pt from './pt.js';
import id from './id.js';
import ms from './ms.js';
import th from './th.js';
import vi from './vi.js';
import tr from './tr.js';
import hi from './hi.js';
import bn from './bn.js';
import sw from './sw.js';

export const translations = { en, ar, fa, ur, fr, es, pt, id, ms, th, vi, tr, hi, bn, sw };

export type Language = keyof typeof translations;

/** Every built-in language code, in the order pickers show them. */
export const LANGUAGES = Object.keys(translations) as Language[];
