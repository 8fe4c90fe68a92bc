#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx, so `npx sv-companion …` works after `npm install`
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
