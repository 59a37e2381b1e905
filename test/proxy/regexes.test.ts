/**
 * No regular expression in `src/` backtracks more than linearly, found by
 * reading the sources rather than from a list someone has to keep: every
 * regex literal, every `RegExp(…)`, and every string `match`, `matchAll` or
 * `search` turns into a pattern, wherever it is and whatever it reads.
 * A `RegExp` built from something other than a literal must be listed in
 * DYNAMIC with the patterns it builds.
 *
 * The checker is recheck (npm `recheck`): it decides the worst-case
 * complexity by automata analysis, falls back to fuzzing where that cannot
 * decide, and names the degree and an attack string. Polynomial backtracking
 * is the case that matters here (one 16 KB header matched by a quadratic
 * pattern held Node for a fifth of a second); `safe-regex2` looks only at
 * star height and passes `\s+$`, and `redos-detector` refuses linear
 * patterns such as `(,|^)\s*br\s*(,|$)` for hitting its score limit.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { check } from 'recheck';
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../../src/contract/limits.js';
import { CLICK_NAME_MAX_CHARS } from '../../src/contract/click.js';
import { REQUEST_ID_MAX_CHARS } from '../../src/proxy/offer18.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** `RegExp(…)` calls whose pattern is computed, by their source text, with the patterns they make. */
const DYNAMIC: Record<string, string[]> = {
  // src/proxy/proxy.ts: the code's length, from the contract.
  'new RegExp(`^\\\\d{${OTP_MIN_DIGITS},${OTP_MAX_DIGITS}}$`)': [`^\\d{${OTP_MIN_DIGITS},${OTP_MAX_DIGITS}}$`],
  // src/contract/click.ts: a click parameter's name, as long as the contract allows.
  'new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${CLICK_NAME_MAX_CHARS - 1}}$`)': [`^[A-Za-z][A-Za-z0-9_]{0,${CLICK_NAME_MAX_CHARS - 1}}$`],
  // src/proxy/offer18.ts: Offer18's requestId, printable ASCII as long as the session token can carry.
  'new RegExp(`^[\\\\x20-\\\\x7e]{1,${REQUEST_ID_MAX_CHARS}}$`)': [`^[\\x20-\\x7e]{1,${REQUEST_ID_MAX_CHARS}}$`],
};

/**
 * Flagged, in files this change may not touch; each with why it is not
 * urgent. An entry that no longer matches anything fails the test, so the
 * list only shrinks.
 */
const PENDING: Record<string, string> = {};

interface Found {
  where: string;
  source: string;
  flags: string;
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Every pattern in src/, with where it is; computed `RegExp`s that DYNAMIC does not list, by their text. */
function findPatterns(): { found: Found[]; unlisted: string[] } {
  const found: Found[] = [];
  const unlisted: string[] = [];
  for (const file of sources(SRC)) {
    const name = relative(join(SRC, '..'), file);
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${name}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const literal = (node: ts.Node | undefined) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        found.push({ where: where(node), source: node.text.slice(1, end), flags: node.text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const source = literal(pattern);
        if (source !== undefined && (!flags || literal(flags) !== undefined)) {
          found.push({ where: where(node), source, flags: literal(flags) ?? '' });
        } else {
          const text = node.getText();
          const made = DYNAMIC[text];
          if (made) for (const s of made) found.push({ where: where(node), source: s, flags: literal(flags) ?? '' });
          else unlisted.push(`${where(node)} ${text}`);
        }
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ['match', 'matchAll', 'search'].includes(node.expression.name.text) &&
        literal(node.arguments[0]) !== undefined
      ) {
        // 'text'.match('a+$') makes a RegExp of its string.
        found.push({ where: where(node), source: literal(node.arguments[0])!, flags: '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { found, unlisted };
}

describe('regular expressions in src/', () => {
  const { found, unlisted } = findPatterns();

  it('are all found: none is built from a computed pattern that DYNAMIC does not list', () => {
    assert.deepEqual(unlisted, [], 'make the pattern a literal, or list the expression in DYNAMIC with what it builds');
    // The scan sees what it should: the static server's path and the proxy's code pattern are among them.
    assert.ok(found.length > 50, `${found.length} found`);
    assert.ok(found.some((f) => f.where.startsWith('src/proxy/proxy.ts') && f.source === `^\\d{${OTP_MIN_DIGITS},${OTP_MAX_DIGITS}}$`));
  });

  it('backtrack at most linearly (recheck)', { timeout: 120_000 }, async () => {
    const flagged: string[] = [];
    const pending = new Set(Object.keys(PENDING));
    for (const { where, source, flags } of found) {
      const result = await check(source, flags, { timeout: 20_000 });
      if (result.status === 'safe') continue;
      const key = `${where.replace(/:\d+$/, '')} /${source}/`;
      if (result.status === 'vulnerable' && pending.delete(key)) continue;
      const why = result.status === 'vulnerable' ? `${result.complexity.summary}, e.g. ${result.attack.pattern}` : `undecided: ${result.error.kind}`;
      flagged.push(`${where} /${source}/${flags}: ${why}`);
    }
    assert.deepEqual(flagged, [], 'rewrite these to run in linear time');
    assert.deepEqual([...pending], [], 'no longer flagged where PENDING says: take them out, or list them where they moved');
  });
});
