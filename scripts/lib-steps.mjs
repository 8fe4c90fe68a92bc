// Shared by scripts/test.mjs, e2e.mjs and start.mjs: run a command, check the machine, fail in one line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const BROWSERS = { chromium: process.env.SV_CHROMIUM ?? '/usr/bin/chromium', firefox: process.env.SV_FIREFOX ?? '/usr/bin/firefox-esr' };
export const BROWSER_INSTALL = 'apt-get install -y chromium firefox-esr';

/** Exits with one line unless Node is >= 22.12 (vitest 5 crashes its reporter on a failing test under 20). */
export function requireNode22() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  fail(`Node ${process.versions.node} is too old: need >= 22.12 (e.g. \`npm install --prefix /opt/node22 node@22\` and put /opt/node22/node_modules/.bin first on PATH, or \`nvm use\`)`);
}

/** The names of missing browser binaries (empty when both are there). */
export function missingBrowsers() {
  return Object.values(BROWSERS).filter((path) => !existsSync(path));
}

export function requireBrowsers() {
  const missing = missingBrowsers();
  if (missing.length) fail(`${missing.join(' and ')} not found: install them with \`${BROWSER_INSTALL}\``);
}

export function fail(line) {
  console.error(`\n✗ ${line}`);
  process.exit(1);
}

/** Runs `command args` with inherited output; resolves with the exit code (signals count as failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...options.env } });
    let output = '';
    if (options.capture) {
      child.stdout.on('data', (chunk) => { output += chunk; if (options.echo) process.stdout.write(chunk); });
      child.stderr.on('data', (chunk) => { output += chunk; if (options.echo) process.stderr.write(chunk); });
    }
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => { output += String(error); resolve({ code: 127, output }); });
    child.on('close', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** npx-style binary from node_modules/.bin (no network fallback). */
export function bin(name) {
  return new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
}
