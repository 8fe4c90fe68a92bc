#!/usr/bin/env node
// npm run test:e2e [-- --no-build] [vitest args…]: production build, then the real-browser suite
// (Chromium then Firefox). Extra args go to vitest, e.g. a file path or `-t 'popup'`.
import { bin, fail, requireBrowsers, requireNode22, run } from './lib-steps.mjs';

requireNode22();
requireBrowsers();
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const vitestArgs = args.filter((a) => a !== '--no-build');
if (!noBuild) {
  const build = await run('npm', ['run', '--silent', 'build']);
  if (build.code !== 0) fail('npm run build failed');
}
const { code } = await run(bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts', ...vitestArgs]);
process.exit(code);
