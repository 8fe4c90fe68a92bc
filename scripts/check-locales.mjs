#!/usr/bin/env node
// public/_locales/en and fr must have exactly the same keys, every message non-empty, the same
// placeholders, and every $name$ used in a message defined in its placeholders. Exit 1 with one line per problem.
import { readFileSync } from 'node:fs';

const LOCALES = ['en', 'fr'];
const problems = [];
const catalogs = {};
for (const locale of LOCALES) {
  const path = new URL(`../public/_locales/${locale}/messages.json`, import.meta.url);
  try {
    catalogs[locale] = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${locale}: cannot read messages.json (${error.message})`);
  }
}

const placeholderNames = (entry) =>
  Object.keys(entry?.placeholders ?? {})
    .map((n) => n.toLowerCase())
    .sort();

if (problems.length === 0) {
  const [first, second] = LOCALES;
  const keys = { [first]: new Set(Object.keys(catalogs[first])), [second]: new Set(Object.keys(catalogs[second])) };
  for (const [a, b] of [
    [first, second],
    [second, first],
  ]) {
    for (const key of keys[a]) if (!keys[b].has(key)) problems.push(`${key}: in ${a}, missing from ${b}`);
  }
  for (const locale of LOCALES) {
    for (const [key, entry] of Object.entries(catalogs[locale])) {
      if (!/^[A-Za-z0-9_@]+$/.test(key)) problems.push(`${locale}/${key}: invalid key name`);
      if (typeof entry?.message !== 'string' || entry.message.trim() === '') {
        problems.push(`${locale}/${key}: empty or missing message`);
        continue;
      }
      const defined = new Set(placeholderNames(entry));
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        if (!defined.has(name.toLowerCase())) problems.push(`${locale}/${key}: uses $${name}$ but defines no such placeholder`);
      }
    }
  }
  for (const key of keys[first]) {
    if (!keys[second].has(key)) continue;
    const a = placeholderNames(catalogs[first][key]).join(',');
    const b = placeholderNames(catalogs[second][key]).join(',');
    if (a !== b) problems.push(`${key}: placeholders differ (${first}: ${a || 'none'}; ${second}: ${b || 'none'})`);
  }
}

if (problems.length) {
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`✗ locales: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`✓ locales: ${Object.keys(catalogs.en).length} keys, identical in ${LOCALES.join(' and ')}, none empty`);
