/** How it looks: themes through the documented properties, the country selector, numbers that never break. */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { $, atEveryStep, campaign, expect, fixture, html, mount, waitUntil } from './support.js';
import type { El } from './support.js';
import { viewport } from './input.js';

// The README's dark theme, and the least a page can set: its text and background colours.
const DARK_THEMES = {
  'the README dark theme':
    '--otp-flow-color-text: #e6edf3; --otp-flow-color-background: #0d1117; --otp-flow-color-primary: #4493f8; --otp-flow-color-on-primary: #0d1117',
  'text and background only': '--otp-flow-color-text: #f0f0f0; --otp-flow-color-background: #1e1e1e',
};

// axe-core's browser build registers itself on window.
const axe = () => (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;

const PAINTED = ['color', 'background-color', 'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color', 'outline-color', 'text-decoration-color', 'caret-color', 'fill', 'stroke'];

/** Every colour a documented `--otp-flow-color-*` property resolves to on this element, as the browser writes it. */
function palette(el: El): Set<string> {
  const probe = document.createElement('span');
  el.shadowRoot!.append(probe);
  const names = [...el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join('\n').matchAll(/--otp-flow-color-[a-z-]+/g)].map((m) => m[0]);
  const colours = new Set(['rgba(0, 0, 0, 0)', 'transparent']);
  for (const name of new Set(names)) {
    probe.style.color = `var(${name})`;
    colours.add(getComputedStyle(probe).color);
  }
  probe.remove();
  return colours;
}

/** sRGB relative luminance of a computed `rgb()`/`rgba()` colour, blended over `under`. */
function rgba(text: string): [number, number, number, number] {
  const [r, g, b, a = 1] = text.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!, a];
}
function over(top: string, under: [number, number, number]): [number, number, number] {
  const [r, g, b, a] = rgba(top);
  return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
}
function luminance([r, g, b]: [number, number, number]): number {
  const c = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}
/** What is painted behind an element: its own background and those of its ancestors, across the shadow boundary. */
function backdrop(node: Element): [number, number, number] {
  const chain: Element[] = [];
  for (let n: Element | null = node; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) chain.push(n);
  return chain.reverse().reduce<[number, number, number]>((under, n) => over(getComputedStyle(n).backgroundColor, under), [255, 255, 255]);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('themes', () => {
  for (const [name, style] of Object.entries(DARK_THEMES)) {
    it(`passes axe's colour-contrast check at every step with ${name}`, async () => {
      document.body.style.background = '#000';
      try {
        await atEveryStep(await mount(campaign('en', style)), async (el, step) => {
          const { violations } = await axe().run(el, { runOnly: ['color-contrast'] });
          expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target}: ${n.failureSummary}`)), step).to.deep.equal([]);
          // axe reads no text in an empty field: the typed text must stand out from the field itself.
          for (const input of el.shadowRoot!.querySelectorAll('input')) {
            const ink = over(getComputedStyle(input).color, backdrop(input));
            expect(contrast(ink, backdrop(input)), `${step}: text in #${input.id}`).to.be.at.least(4.5);
          }
        });
      } finally {
        document.body.style.background = '';
      }
    });

    it(`paints only colours of its custom properties with ${name}`, async () => {
      await atEveryStep(await mount(campaign('en', style)), async (el, step) => {
        const allowed = palette(el);
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          if (node instanceof HTMLStyleElement || node instanceof HTMLSlotElement) continue;
          const css = getComputedStyle(node);
          for (const property of PAINTED) {
            if (property.startsWith('border') && css.getPropertyValue(property.replace('color', 'style')) === 'none') continue;
            if (property === 'outline-color' && css.outlineStyle === 'none') continue;
            if (property === 'text-decoration-color' && css.textDecorationLine === 'none') continue;
            // Only shapes paint fill and stroke; the <svg> element merely passes them on.
            if ((property === 'fill' || property === 'stroke') && !(node instanceof SVGGeometryElement)) continue;
            const value = css.getPropertyValue(property);
            if (value === 'none' || value === 'auto') continue;
            expect(allowed, `${step}: ${property} of <${node.localName} class="${node.getAttribute('class') ?? ''}"> is ${value}`).to.include(value);
          }
        }
      });
    });
  }

  it('stays readable where color-mix() is missing (iOS before 16.2), at every step', async () => {
    const el = await mount(campaign('en'));
    // What an engine without color-mix() reads: an unknown function, which makes each mixed colour invalid.
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText);
    const old = new CSSStyleSheet();
    old.replaceSync(rules.join('\n').replaceAll('color-mix(', 'color-mux('));
    el.shadowRoot!.adoptedStyleSheets = [old];
    await atEveryStep(el, async (el, step) => {
      const probe = document.createElement('span');
      el.shadowRoot!.append(probe);
      probe.style.color = 'var(--otp-flow-color-error)';
      expect(getComputedStyle(probe).color, `${step}: the error colour falls back to the text colour`).to.equal(getComputedStyle(el).color);
      probe.remove();
      const { violations } = await axe().run(el, { runOnly: ['color-contrast'] });
      expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target}: ${n.failureSummary}`)), step).to.deep.equal([]);
    });
  });

  it('gives the country picker the same look in every engine', async () => {
    const el = await mount(html`<otp-flow country="AE" countries="AE,SA" style="--otp-flow-color-text: rgb(10, 20, 30)"></otp-flow>`);
    const css = getComputedStyle($(el, '[part~=country-button]'));
    // No native button face (WebKit's grey one): the field's own background shows through.
    expect(css.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(css.color).to.equal('rgb(10, 20, 30)');
    expect(css.borderTopStyle).to.equal('none');
  });
});

describe('phone numbers in sentences', () => {
  it('never break across lines, at 360 px and narrower', async () => {
    await viewport(360, 740);
    for (const lang of ['en', 'ar', 'fr', 'vi']) {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 360px"><otp-flow country="AE" lang=${lang} preview="code"></otp-flow></div>`);
      const el = box.querySelector('otp-flow') as El;
      await waitUntil(() => /\+971/.test($(el, '[role=status]')?.textContent ?? ''), 'the number is shown');
      for (let width = 360; width >= 200; width -= 4) {
        box.style.width = `${width}px`;
        const walker = document.createTreeWalker($(el, '[role=status]'), NodeFilter.SHOW_TEXT);
        let text: Text | null = null;
        while (walker.nextNode()) if (walker.currentNode.textContent!.includes('+971')) text = walker.currentNode as Text;
        const start = text!.data.indexOf('+971');
        const range = document.createRange();
        range.setStart(text!, start);
        range.setEnd(text!, start + '+971 50 123 4567'.length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        expect(lines.size, `${lang} at ${width}px: "${text!.data}"`).to.equal(1);
      }
    }
  });
});
