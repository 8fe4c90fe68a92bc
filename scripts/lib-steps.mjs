// Shared by scripts/test.mjs, e2e.mjs and start.mjs: run a command, check the machine, fail in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const BROWSERS = { chromium: process.env.SV_CHROMIUM ?? '/usr/bin/chromium', firefox: process.env.SV_FIREFOX ?? '/usr/bin/firefox-esr' };
export const BROWSER_INSTALL = 'apt-get install -y chromium firefox-esr';

/** True when this Node is >= 22.12 (wxt 0.21, vitest 5 and puppeteer-core 25 need it; vitest 5 crashes its
 * reporter on a failing test under 20). */
export function nodeIsRecent(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The project's pinned Node (devDependency `node`, from the npm registry), when installed. */
export const PINNED_NODE = new URL('../node_modules/.bin/node', import.meta.url).pathname;

/**
 * Runs this script again under the project's pinned Node when the machine's is older, so `npm install`
 * then `npm test` is all the set-up on a stock machine (Debian's Node 20). `npm run` already puts
 * node_modules/.bin first on PATH; this also covers `node scripts/….mjs` typed by hand.
 */
export function requireNode22() {
  if (nodeIsRecent()) return;
  if (existsSync(PINNED_NODE)) {
    const child = spawnSync(PINNED_NODE, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(child.status ?? 1);
  }
  fail(`Node ${process.versions.node} is too old: need >= 22.12, and the project's pinned Node is not installed: run \`npm install\` first`);
}

/** The names of missing browser binaries (empty when both are there). */
export function missingBrowsers() {
  return Object.values(BROWSERS).filter((path) => !existsSync(path));
}

export function requireBrowsers() {
  const missing = missingBrowsers();
  if (missing.length) fail(`${missing.join(' and ')} not found: install them with \`${BROWSER_INSTALL}\``);
}

/**
 * On a fresh Debian machine run as root (CI, a new sandbox), installs the missing browsers with apt-get,
 * so `npm install` then `npm test` is all the set-up. Elsewhere it only says what to install.
 */
export async function installMissingBrowsers() {
  const missing = missingBrowsers();
  if (!missing.length) return { ok: true };
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.SV_CHROMIUM && !process.env.SV_FIREFOX;
  if (!canInstall) return { ok: false, detail: `${missing.join(' and ')} not found: install them with \`${BROWSER_INSTALL}\`` };
  console.log(`installing ${missing.join(' and ')} with apt-get (Debian's builds; no browser is ever downloaded by npm)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })).code !== 0) return { ok: false, detail: 'apt-get update failed' };
  const packages = ['chromium', 'firefox-esr', 'fonts-dejavu-core', 'ca-certificates'];
  const { code } = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  const still = missingBrowsers();
  return still.length || code !== 0
    ? { ok: false, detail: `apt-get install failed; still missing ${still.join(' and ')}` }
    : { ok: true, detail: 'installed with apt-get' };
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
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (options.echo) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
        if (options.echo) process.stderr.write(chunk);
      });
    }
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      output += String(error);
      resolve({ code: 127, output });
    });
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
