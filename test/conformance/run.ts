/**
 * The conformance cases as a program, for the runtimes that run a file:
 * Deno and Bun (Node runs them in the test process). The configuration
 * comes as the one argument; the results leave as one marked line on
 * stdout, so nothing else a runtime prints can be mistaken for them.
 */
import { RESULTS_MARK, runCases, type ConformanceConfig } from './cases.js';

const runtime = globalThis as unknown as { Deno?: { args: string[] }; process?: { argv: string[] } };
const args = runtime.Deno?.args ?? runtime.process?.argv.slice(2) ?? [];
const config = JSON.parse(args[0] ?? '{}') as ConformanceConfig;
const results = await runCases(config);
console.log(RESULTS_MARK + JSON.stringify(results));
