#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx, so `npx sv-companion …` works after `npm install`
// with no build step. Under a Node older than the project's (Debian's 20), it runs itself again under the
// project's pinned Node (devDependency `node`); `npx` already finds that one first on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
const pinned = new URL('../node_modules/.bin/node', import.meta.url).pathname;
if ((major < 22 || (major === 22 && minor < 12)) && existsSync(pinned)) {
  const child = spawnSync(pinned, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
