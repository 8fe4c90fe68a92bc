// @vitest-environment happy-dom
/**
 * The options page says whether the browser will keep the store under disk pressure and how much it
 * uses (issue 12, must-have 11), asking for persistence when it is not already granted.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageStatus } from '@/components/options/StorageStatus';
import type { StorageProbe } from '@/components/services';
import { fakeBackground, fakeStorage, useLocale, withOptionsServices } from './helpers';

afterEach(cleanup);

/** The status needs no background call: the fake answers none. */
const show = (storage: StorageProbe) => render(withOptionsServices(<StorageStatus />, { call: fakeBackground({}).call, storage }));
const kept = () => document.querySelector('.storage-status [data-kept]');

describe('StorageStatus', () => {
  it('persistent storage (Firefox with unlimitedStorage): says so, asks nothing, shows use and quota', async () => {
    useLocale('en');
    const { storage, asked } = fakeStorage({ persisted: true, usage: 1_234_567, quota: 77_400_000_000 });
    show(storage);
    expect(await screen.findByText('Persistent: the browser will not clear your notes and index to free disk space.')).toBeTruthy();
    expect(kept()?.getAttribute('data-kept')).toBe('persistent');
    expect(screen.getByText('In use: 1.2 MB (the browser allows up to 77 GB).')).toBeTruthy();
    expect(asked).toHaveLength(0);
  });

  it('asks for persistence once, and says persistent when the browser grants it', async () => {
    useLocale('en');
    const { storage, asked } = fakeStorage({ persisted: false, grants: true });
    show(storage);
    expect(await screen.findByText(/^Persistent:/)).toBeTruthy();
    expect(asked).toHaveLength(1);
  });

  it('not persistent but unlimited (Chrome): kept, since Chrome never evicts an unlimited origin', async () => {
    useLocale('en');
    const { storage, asked } = fakeStorage({ persisted: false, grants: false, unlimited: true });
    show(storage);
    expect(await screen.findByText('Kept: the extension has unlimited storage, which the browser does not clear to free disk space.')).toBeTruthy();
    expect(asked).toHaveLength(1);
  });

  it('neither: warns, in French, and points at the backup', async () => {
    useLocale('fr');
    const { storage } = fakeStorage({ persisted: false, grants: false, unlimited: false, usage: 850_000, quota: 2_000_000_000 });
    show(storage);
    const warning = await screen.findByText(/^Non protégé : si le disque se remplit/);
    expect(warning.className).toBe('error');
    expect(screen.getByText(/^Espace utilisé : 850 ko \(le navigateur autorise jusqu.à 2 Go\)\.$/)).toBeTruthy();
  });

  it('a browser that cannot tell: not protected, usage unknown, no error thrown', async () => {
    useLocale('en');
    const failing = {
      persisted: () => Promise.reject(new Error('no')),
      persist: () => Promise.reject(new Error('no')),
      estimate: () => Promise.reject(new Error('no')),
      unlimited: () => Promise.reject(new Error('no')),
    };
    show(failing);
    expect(await screen.findByText('The browser does not say how much space is in use.')).toBeTruthy();
    expect(kept()?.getAttribute('data-kept')).toBe('best-effort');
  });
});
