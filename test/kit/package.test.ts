/** What a user of the published package imports resolves, loads, and carries its types. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parse } from 'acorn';
import { readdir } from 'node:fs/promises';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};

describe('the package', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    it(`exports ${entry} to built files`, () => {
      for (const file of typeof target === 'string' ? [target] : [target.types, target.default]) {
        assert.ok(existsSync(fileURLToPath(new URL(file, root))), `${entry} → ${file} exists after npm run build`);
      }
    });
  }

  it('loads otp-flow/proxy, otp-flow/node, otp-flow/simulator and otp-flow/contract by name, without a browser', async () => {
    // By a runtime name, so typechecking (which runs before the build) does not need dist/.
    const load = (name: string) => import(name);
    assert.equal(typeof (await load('otp-flow/proxy')).createOtpProxy, 'function');
    assert.equal(typeof (await load('otp-flow/node')).serve, 'function');
    assert.equal(typeof (await load('otp-flow/redis')).RedisBudgetStore, 'function');
    assert.equal(typeof (await load('otp-flow/simulator')).Offer18Simulator, 'function');
    assert.ok((await load('otp-flow/contract')).ERRORS.otp_invalid);
  });

  it('has the otp-flow command', () => {
    assert.ok(existsSync(fileURLToPath(new URL(pkg.bin['otp-flow']!, root))));
  });

  it('types <otp-flow> for a TypeScript user: import type { OtpFlow } from "otp-flow"', async () => {
    // A project of its own with otp-flow in its node_modules, compiled as its author would: the
    // package's exports and built declarations are what it sees, not this repository's sources.
    const project = await mkdtemp(join(tmpdir(), 'otp-flow-types-'));
    try {
      await mkdir(join(project, 'node_modules'));
      await symlink(fileURLToPath(root), join(project, 'node_modules', 'otp-flow'), 'dir');
      await writeFile(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
      const file = join(project, 'page.ts');
      await writeFile(
        file,
        [
          "import type { OtpFlow, OtpErrorEvent, OtpStep } from 'otp-flow';",
          "const el: OtpFlow = document.createElement('otp-flow');",
          "el.country = 'AE';",
          'el.otpLength = 6;',
          'const step: OtpStep = el.step;',
          "el.addEventListener('otp-error', (event: OtpErrorEvent) => console.log(step, event.detail.code, event.detail.message));",
          "document.querySelector('otp-flow')?.reset();",
          '// @ts-expect-error: not a property of the element',
          'el.noSuchProperty = 1;',
        ].join('\n'),
      );
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
        skipLibCheck: true,
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      assert.deepEqual(problems, []);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('ships browser bundles in ES2021 syntax, which Safari 14.1 parses', async () => {
    const dist = new URL('dist/', root);
    const bundles = (await readdir(dist)).filter((f) => f.endsWith('.js'));
    assert.ok(bundles.includes('otp-flow.js') && bundles.length > 40, `the entry and its language chunks: ${bundles.length}`);
    for (const file of bundles) {
      const code = await readFile(new URL(file, dist), 'utf8');
      assert.doesNotThrow(() => parse(code, { ecmaVersion: 2021, sourceType: 'module' }), file);
    }
  });
});

