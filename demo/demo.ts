/**
 * The marketers' demo: one live `<otp-flow>` against the simulator, every
 * state side by side, and controls whose choices become the snippet to copy.
 * Settings live in the URL hash, so a preview can be shared as a link.
 */
import metadata from 'libphonenumber-js/mobile/metadata';
import '../src/component/otp-flow.js';
import type { OtpFlow } from '../src/component/otp-flow.js';
import { pages, translations, type Language } from '../src/component/translations/index.js';
import { initCommand, TARBALL } from './snippet.js';


const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const controls = {
  lang: $<HTMLSelectElement>('lang'),
  country: $<HTMLSelectElement>('country'),
  countries: $<HTMLInputElement>('countries'),
  fault: $<HTMLSelectElement>('fault'),
  challenge: $<HTMLSelectElement>('challenge'),
  primary: $<HTMLInputElement>('primary'),
  onPrimary: $<HTMLInputElement>('onPrimary'),
  text: $<HTMLInputElement>('text'),
  background: $<HTMLInputElement>('background'),
  radius: $<HTMLInputElement>('radius'),
  font: $<HTMLSelectElement>('font'),
};
const live = $<OtpFlow>('live');
const all = () => [...document.querySelectorAll<OtpFlow>('otp-flow')];

const THEME_DEFAULTS = { primary: '#0b5cd5', onPrimary: '#ffffff', text: '#1b1f24', background: '#ffffff', radius: '8', font: '' };
// The README's dark theme: text, background and the button's two colours; everything else follows them.
const DARK_THEME: Partial<typeof THEME_DEFAULTS> = { primary: '#4493f8', onPrimary: '#0d1117', text: '#e6edf3', background: '#0d1117' };
type Settings = { lang: string; country: string; countries: string; fault: string; challenge: string } & typeof THEME_DEFAULTS;

// ----- options -----

for (const t of Object.values(translations)) controls.lang.add(new Option(`${t.$name} (${t.$code})`, t.$code));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
for (const code of Object.keys(metadata.countries).sort((a, b) => (regionNames.of(a) ?? a).localeCompare(regionNames.of(b) ?? b))) {
  controls.country.add(new Option(`${regionNames.of(code) ?? code} (${code})`, code));
}

// ----- settings ⇄ URL -----

function read(): Settings {
  return {
    lang: controls.lang.value,
    country: controls.country.value,
    countries: controls.countries.value.toUpperCase().replace(/[^A-Z,]/g, ''),
    fault: controls.fault.value,
    challenge: controls.challenge.value,
    primary: controls.primary.value,
    onPrimary: controls.onPrimary.value,
    text: controls.text.value,
    background: controls.background.value,
    radius: controls.radius.value,
    font: controls.font.value,
  };
}

function load(): void {
  const saved = new URLSearchParams(location.hash.slice(1));
  const defaults: Settings = { lang: 'en', country: 'AE', countries: '', fault: 'none', challenge: 'adaptive', ...THEME_DEFAULTS };
  for (const key of Object.keys(defaults) as Array<keyof Settings>) {
    const control = controls[key];
    control.value = saved.get(key) ?? defaults[key];
    // An unknown value in a shared link falls back rather than leaving the control empty.
    if (control.value === '' && defaults[key] !== '') control.value = defaults[key];
  }
}

function save(settings: Settings): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(settings)) if (value) params.set(key, value);
  history.replaceState(null, '', `#${params}`);
}

// ----- applying -----

function countryList(s: Settings): string {
  const extra = s.countries.split(',').filter((c) => c && c !== s.country && c in metadata.countries);
  return extra.length ? [s.country, ...extra].join(',') : '';
}

function themeDeclarations(s: Settings, onlyChanged: boolean): string[] {
  const d: Array<[string, string, string]> = [
    ['--otp-flow-color-primary', s.primary, THEME_DEFAULTS.primary],
    ['--otp-flow-color-on-primary', s.onPrimary, THEME_DEFAULTS.onPrimary],
    ['--otp-flow-color-text', s.text, THEME_DEFAULTS.text],
    ['--otp-flow-color-background', s.background, THEME_DEFAULTS.background],
    ['--otp-flow-radius', `${s.radius}px`, `${THEME_DEFAULTS.radius}px`],
    ['--otp-flow-font-family', s.font || 'inherit', 'inherit'],
  ];
  return d.filter(([, value, initial]) => !onlyChanged || value !== initial).map(([name, value]) => `${name}: ${value};`);
}

/** The sample price and terms, in the chosen language (English where a language has no page texts). */
function sampleTerms(lang: string): string {
  const page = pages[lang as Language] ?? pages.en;
  return page.sampleTerms(new Intl.NumberFormat(lang, { style: 'currency', currency: 'AED' }).format(1.5), '1234');
}

/** The simulator's control routes: Offer18's faults, the proxy's OTP_CHALLENGE. */
const control = (path: string, body: unknown) =>
  fetch(`/__simulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

let lastFault = 'none';
/** The proxy's OTP_CHALLENGE, once it has said. */
let lastChallenge: string | undefined;
async function apply(): Promise<void> {
  const s = read();
  save(s);
  const countries = countryList(s);
  const terms = sampleTerms(s.lang);
  for (const el of all()) {
    el.setAttribute('lang', s.lang);
    el.country = s.country;
    el.countries = countries || undefined;
    let disclosure = el.querySelector<HTMLElement>('[slot=disclosure]');
    if (!disclosure) {
      disclosure = Object.assign(document.createElement('p'), { slot: 'disclosure', className: 'terms' });
      el.append(disclosure);
    }
    disclosure.textContent = terms;
  }
  $('theme').textContent = `otp-flow { ${themeDeclarations(s, false).join(' ')} }\n[data-otp-surface] { --surface: ${s.background}; }`;
  renderSnippet(s, countries);
  if (s.fault !== lastFault) {
    lastFault = s.fault;
    await control('fault', { fault: s.fault, delayMs: 3000 });
  }
  if (lastChallenge !== undefined && s.challenge !== lastChallenge) {
    lastChallenge = s.challenge;
    await control('challenge', { challenge: s.challenge });
  }
}

function renderSnippet(s: Settings, countries: string): void {
  const attrs = [`endpoint="https://otp.example/otp"`, `country="${s.country}"`, countries && `countries="${countries}"`, s.lang !== 'en' && `lang="${s.lang}"`]
    .filter(Boolean)
    .join(' ');
  const theme = themeDeclarations(s, true);
  const lines = [
    '<!-- integrity: the value otp-flow serve prints at start (see the README, The component) -->',
    '<script type="module" src="https://otp.example/otp-flow.js" integrity="sha384-…" crossorigin="anonymous"></script>',
    `<otp-flow ${attrs}>`,
    '  <p slot="disclosure">Price and terms of the offer</p>',
    '</otp-flow>',
  ];
  if (theme.length) lines.push('<style>', `  otp-flow { ${theme.join(' ')} }`, '</style>');
  if (s.challenge !== 'adaptive') lines.push('', `# and in the proxy's settings (.env, or wrangler.jsonc's vars): OTP_CHALLENGE=${s.challenge}`);
  lines.push(
    '',
    '# or a whole landing folder (page, tailored bundle, server), in the folder holding',
    `# ${TARBALL} (npm pack in the otp-flow repository writes it), with your own IDs for 1234, 5678, acme:`,
    initCommand({ country: s.country, countries, lang: s.lang }),
  );
  $('snippet').textContent = lines.join('\n');
}

// ----- simulated inbox -----

const seen = new Set<string>();
async function pollInbox(): Promise<void> {
  try {
    const response = await fetch('/__simulator/inbox');
    const { messages } = (await response.json()) as { messages: Array<{ to: string; code: string; sentAt: number }> };
    const list = $('inbox');
    for (const m of messages) {
      const id = `${m.sentAt}-${m.to}-${m.code}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const item = document.createElement('li');
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `To ${m.to} · ${new Date(m.sentAt).toLocaleTimeString()}`;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = m.code;
      item.append(meta, 'Your code is ', code);
      list.prepend(item);
    }
    $('inbox-empty').hidden = messages.length > 0;
  } catch {
    // The server is restarting or gone; the next poll will tell.
  }
}

// ----- events -----

for (const type of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error'] as const) {
  live.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'type';
    name.textContent = type;
    item.append(`${new Date().toLocaleTimeString()} `, name, ` ${JSON.stringify(event.detail)}`);
    $('events').prepend(item);
    if (type === 'otp-sent') void pollInbox();
  });
}

// ----- wiring -----

$('controls').addEventListener('input', () => void apply());
$('controls').addEventListener('change', () => void apply());
function setTheme(theme: Partial<typeof THEME_DEFAULTS>): void {
  for (const [key, value] of Object.entries({ ...THEME_DEFAULTS, ...theme })) controls[key as keyof typeof THEME_DEFAULTS].value = value;
  void apply();
}
$('theme-reset').addEventListener('click', () => setTheme({}));
$('theme-dark').addEventListener('click', () => setTheme(DARK_THEME));
$('restart').addEventListener('click', () => live.reset());
$('events-clear').addEventListener('click', () => $('events').replaceChildren());
$('copy').addEventListener('click', async () => {
  const text = $('snippet').textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (insecure context, permissions): select the text for Ctrl+C instead.
    getSelection()?.selectAllChildren($('snippet'));
    document.execCommand?.('copy');
  }
  $('copied').textContent = 'Copied.';
  setTimeout(() => ($('copied').textContent = ''), 2000);
});

const sharedChallenge = new URLSearchParams(location.hash.slice(1)).get('challenge');
load();
void apply();
// The control shows the OTP_CHALLENGE the proxy runs with, unless a shared link asks for another.
void fetch('/__simulator/challenge')
  .then((response) => response.json() as Promise<{ challenge: string }>)
  .then(({ challenge }) => {
    lastChallenge = challenge;
    if (!sharedChallenge) controls.challenge.value = challenge;
    void apply();
  });
void pollInbox();
setInterval(() => document.visibilityState === 'visible' && void pollInbox(), 1500);
