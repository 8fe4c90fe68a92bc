#!/usr/bin/env node
// Adds or updates i18n messages in both locales at once, under a lock, so several people can add keys
// without clobbering each other. Usage: node scripts/add-messages.mjs file.json
// file.json: { "key": { "en": "English", "fr": "Français", "description"?: "...", "placeholders"?: {...} }, ... }
import { readFileSync, writeFileSync, openSync, closeSync, unlinkSync } from 'node:fs';

const lock = '/tmp/sv-locales.lock';
for (let i = 0; ; i++) {
  try {
    closeSync(openSync(lock, 'wx'));
    break;
  } catch {
    if (i > 200) throw new Error('locale lock busy');
    await new Promise((r) => setTimeout(r, 50));
  }
}
try {
  const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  for (const locale of ['en', 'fr']) {
    const path = new URL(`../public/_locales/${locale}/messages.json`, import.meta.url);
    const messages = JSON.parse(readFileSync(path, 'utf8'));
    for (const [key, entry] of Object.entries(additions)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`bad key ${key}`);
      if (typeof entry[locale] !== 'string') throw new Error(`${key} lacks ${locale}`);
      messages[key] = {
        message: entry[locale],
        ...(entry.description ? { description: entry.description } : {}),
        ...(entry.placeholders ? { placeholders: entry.placeholders } : {}),
      };
    }
    const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n');
  }
  console.log(`added ${Object.keys(additions).length} message(s)`);
} finally {
  unlinkSync(lock);
}
