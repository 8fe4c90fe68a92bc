#!/usr/bin/env node
// npm test: every check, in order, stopping at the first failure with one clear line and exit 1.
//   npm test -- --skip=e2e          leave steps out (comma-separated names)
//   npm test -- --only=lint,unit    run just these steps
// Steps: node, browsers, typecheck, lint, format, locales, unit, build, bundles, web-ext-lint, e2e.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { bin, installMissingBrowsers, requireNode22, run } from './lib-steps.mjs';

requireNode22();

const arg = (name) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
    .filter(Boolean);
const only = arg('only');
const skip = arg('skip') ?? [];
mkdirSync('test-results', { recursive: true });

/** Counts from a vitest JSON report, e.g. "60 tests in 4 files". */
function vitestCounts(path) {
  if (!existsSync(path)) return '';
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const parts = [`${report.numPassedTests}/${report.numTotalTests} tests passed in ${report.testResults.length} files`];
  if (report.numFailedTests) parts.push(`${report.numFailedTests} failed`);
  if (report.numPendingTests || report.numTodoTests) parts.push(`${report.numPendingTests + report.numTodoTests} skipped/todo`);
  return parts.join(', ');
}

const vitest = (config, report) => async () => {
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...(config ? ['--config', config] : [])];
  const { code } = await run(bin('vitest'), args);
  return { ok: code === 0, detail: vitestCounts(report) };
};

const command = (cmd, args) => async () => ({ ok: (await run(cmd, args)).code === 0 });

async function webExtLint() {
  const { code, output } = await run(bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
    capture: true,
  });
  let report;
  try {
    report = JSON.parse(output.slice(output.indexOf('{')));
  } catch {
    process.stdout.write(output);
    return { ok: false, detail: 'could not read web-ext lint output' };
  }
  for (const kind of ['errors', 'warnings']) {
    for (const item of report[kind] ?? [])
      console.log(`  ${kind.slice(0, -1)} ${item.code}: ${item.file ?? ''}${item.line ? `:${item.line}` : ''} ${item.message}`);
  }
  const { errors, warnings, notices } = report.summary;
  return { ok: code === 0 && errors === 0, detail: `${errors} errors, ${warnings} warnings, ${notices} notices` };
}

const steps = [
  ['node', async () => ({ ok: true, detail: `node ${process.versions.node}` })],
  ['browsers', installMissingBrowsers],
  ['typecheck', command(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])],
  ['lint', command(bin('eslint'), ['.'])],
  ['format', command(bin('prettier'), ['--check', '--log-level', 'warn', '.'])],
  ['locales', command(process.execPath, ['scripts/check-locales.mjs'])],
  ['unit', vitest(null, 'test-results/unit.json')],
  ['build', command('npm', ['run', '--silent', 'build'])],
  ['bundles', command(bin('tsx'), ['bench/bundle.ts', '--check'])],
  ['web-ext-lint', webExtLint],
  ['e2e', vitest('vitest.e2e.config.ts', 'test-results/e2e.json')],
];

const unknown = [...(only ?? []), ...skip].filter((name) => !steps.some(([n]) => n === name));
if (unknown.length) {
  console.error(`✗ unknown step(s) ${unknown.join(', ')}; steps are: ${steps.map(([n]) => n).join(', ')}`);
  process.exit(2);
}

const timings = [];
let failed = null;
for (const [name, step] of steps) {
  if ((only && !only.includes(name)) || skip.includes(name)) continue;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const { ok, detail = '' } = await step();
  timings.push({ name, seconds: (Date.now() - started) / 1000, ok, detail });
  if (!ok) {
    failed = { name, detail };
    break;
  }
}

console.log('\n━━ summary ━━');
for (const t of timings) console.log(`${t.ok ? '✓' : '✗'} ${t.name.padEnd(13)} ${t.seconds.toFixed(1).padStart(6)} s  ${t.detail}`);
console.log(
  `  ${'total'.padEnd(13)} ${timings
    .reduce((s, t) => s + t.seconds, 0)
    .toFixed(1)
    .padStart(6)} s`,
);
if (failed) {
  console.error(`\n✗ npm test failed at step "${failed.name}"${failed.detail ? `: ${failed.detail}` : ''}`);
  process.exit(1);
}
console.log('\n✓ all checks passed');
