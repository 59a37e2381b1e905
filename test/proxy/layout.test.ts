/**
 * The README's layout table is the picture of the code: every folder under
 * src/ and test/ has its row, and every import in src/ points the way the
 * table says (a folder imports only from those in its last column).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Layout'), readme.indexOf('Where a change is made'));

/** The table's rows: folder, what it holds, what it may import (folder names under src/). */
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [folder = '', holds = '', imports = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return {
      folder: folder.slice(1, -2),
      holds,
      imports: imports === 'nothing' ? [] : imports.split(' ').filter(Boolean).map((name) => name.slice(1, -1)),
    };
  });

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The folder a path is in: `src/proxy/config.ts` → `src/proxy`, `bench/proxy.ts` → `bench`. */
const folderOf = (path: string) => (path.startsWith('src/') || path.startsWith('test/') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!);

/** Every relative import of a file (static, dynamic, re-exports), as a path from the repository. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => relative(ROOT, resolve(ROOT, dirname(file), i.fileName)));
}

describe('the layout', () => {
  it('has a row for every folder under src/ and test/, and its folders inside in the row', () => {
    const listed = rows.map((r) => r.folder);
    for (const top of ['src', 'test']) {
      for (const folder of folders(top)) {
        const row = rows.find((r) => r.folder === `${top}/${folder}`);
        assert.ok(row, `the README's layout lists ${top}/${folder}/`);
        for (const inside of folders(`${top}/${folder}`)) assert.ok(row.holds.includes(`${inside}/`), `${top}/${folder}/'s row names ${inside}/`);
      }
    }
    for (const folder of listed) assert.ok(folders(dirname(folder) === '.' ? '.' : dirname(folder)).includes(folder.split('/').at(-1)!), `${folder}/ exists`);
  });

  it('holds every import in src/ to the folders its row names', () => {
    const allowed = new Map(rows.filter((r) => r.folder.startsWith('src/')).map((r) => [r.folder, new Set(r.imports.map((name) => `src/${name}`))]));
    const wrong: string[] = [];
    for (const file of sources('src')) {
      const from = folderOf(file);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to !== from && !allowed.get(from)?.has(to)) wrong.push(`${file} imports ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
    // One way: what a folder imports sits above it in the table, so no two folders import each other.
    for (const [i, row] of rows.entries()) {
      for (const name of row.imports) assert.ok(rows.findIndex((r) => r.folder === `src/${name}`) < i, `src/${name}/ is above ${row.folder}/`);
    }
  });

  it('keeps the core apart from what runs it, the component from the proxy, and benchmarks from the tests', () => {
    const of = (folder: string) => new Set(rows.find((r) => r.folder === folder)!.imports);
    for (const caller of ['adapters', 'cli', 'kit', 'simulator', 'stores', 'server']) assert.ok(!of('src/proxy').has(caller), `the core imports nothing from ${caller}/`);
    assert.ok(!of('src/component').has('proxy'), 'the component imports nothing from the proxy');
    for (const file of [...sources('bench'), ...sources('support')]) {
      for (const target of importsOf(file)) assert.ok(!target.startsWith('test/'), `${file} imports ${target} from the tests`);
    }
  });
});
