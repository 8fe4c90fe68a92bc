// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/model';
import type { HostPermissions } from '@/components/services';
import { SettingsSection, WAYBACK_ORIGINS } from '@/components/options/SettingsSection';
import { hostProblem, normaliseHost } from '@/components/options/HostListEditor';
import { fakeBackground, useLocale, withOptionsServices } from './helpers';
import { SETTINGS } from './fake-notes';

beforeEach(() => useLocale('en'));
afterEach(cleanup);

function fakePermissions(grant: boolean) {
  const log: string[] = [];
  let granted = false;
  const permissions: HostPermissions = {
    request: (origins) => {
      log.push(`request ${origins.join(',')}`);
      granted = grant;
      return Promise.resolve(grant);
    },
    remove: (origins) => {
      log.push(`remove ${origins.join(',')}`);
      granted = false;
      return Promise.resolve(true);
    },
    contains: () => Promise.resolve(granted),
  };
  return { permissions, log };
}

function setup({ grant = true, initial = SETTINGS }: { grant?: boolean; initial?: Settings } = {}) {
  let settings = initial;
  const bg = fakeBackground({
    'ui.getSettings': () => settings,
    'ui.saveSettings': (patch) => (settings = { ...settings, ...patch }),
  });
  const perms = fakePermissions(grant);
  render(withOptionsServices(<SettingsSection />, { call: bg.call, permissions: perms.permissions }));
  return { bg, perms, current: () => settings };
}

describe('SettingsSection', () => {
  it('switches the in-page panel off and on', async () => {
    const { bg, current } = setup();
    const panel = (await screen.findByRole('checkbox', { name: 'Show the panel on article pages' })) as HTMLInputElement;
    expect(panel.checked).toBe(true);
    fireEvent.click(panel);
    await screen.findByText('Settings saved.');
    expect(bg.callsTo('ui.saveSettings')).toEqual([{ panelEnabled: false }]);
    expect(current().panelEnabled).toBe(false);
    expect(panel.checked).toBe(false);
  });

  it('requests the Wayback permission synchronously inside the click, then saves', async () => {
    const { bg, perms, current } = setup({ grant: true });
    const wayback = (await screen.findByRole('checkbox', { name: /Wayback Machine/ })) as HTMLInputElement;
    fireEvent.click(wayback);
    // No await between the click and the request: browsers only grant inside the user gesture.
    expect(perms.log).toEqual([`request ${WAYBACK_ORIGINS[0]}`]);
    await waitFor(() => expect(current().waybackEnabled).toBe(true));
    expect(bg.callsTo('ui.saveSettings')).toEqual([{ waybackEnabled: true }]);

    fireEvent.click(wayback);
    expect(perms.log.at(-1)).toBe(`remove ${WAYBACK_ORIGINS[0]}`);
    await waitFor(() => expect(current().waybackEnabled).toBe(false));
    expect(wayback.checked).toBe(false);
  });

  it('keeps Wayback support off when the permission is refused', async () => {
    const { bg } = setup({ grant: false });
    const wayback = (await screen.findByRole('checkbox', { name: /Wayback Machine/ })) as HTMLInputElement;
    fireEvent.click(wayback);
    expect(await screen.findByText(/was not granted/)).toBeTruthy();
    expect(wayback.checked).toBe(false);
    expect(bg.callsTo('ui.saveSettings')).toHaveLength(0);
  });

  it('warns when Wayback is on but the browser has not granted the permission', async () => {
    setup({ initial: { ...SETTINGS, waybackEnabled: true } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/has not granted access/);
  });

  it('adds a validated host and removes one, keeping at least one', async () => {
    const { bg, current } = setup({ initial: { ...SETTINGS, archiveHosts: ['www.securityvibes.fr'] } });
    const input = await screen.findByRole('textbox', { name: 'Add a host name' });
    expect((screen.getByRole('button', { name: 'Remove www.securityvibes.fr' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.input(input, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a valid host name/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(bg.callsTo('ui.saveSettings')).toHaveLength(0);

    fireEvent.input(input, { target: { value: 'https://Mirror.Example.org/some/page' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('mirror.example.org');
    expect(current().archiveHosts).toEqual(['www.securityvibes.fr', 'mirror.example.org']);

    fireEvent.click(screen.getByRole('button', { name: 'Remove www.securityvibes.fr' }));
    await waitFor(() => expect(current().archiveHosts).toEqual(['mirror.example.org']));
  });

  it('validates and saves the crawl delay and concurrency', async () => {
    const { bg } = setup();
    const delay = await screen.findByRole('textbox', { name: 'Delay between requests (seconds)' });
    expect((delay as HTMLInputElement).value).toBe('1');
    fireEvent.input(delay, { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a number of seconds between 0 and 60.');
    expect(bg.callsTo('ui.saveSettings')).toHaveLength(0);
    fireEvent.input(delay, { target: { value: '2,5' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Parallel requests' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bg.callsTo('ui.saveSettings')).toEqual([{ crawlDelayMs: 2500, crawlConcurrency: 2 }]));
  });

  it('shows a refused save inline', async () => {
    const bg = fakeBackground({
      'ui.getSettings': () => SETTINGS,
      'ui.saveSettings': () => ({ ok: false, error: { code: 'invalid-message', message: 'archiveHosts: too many' } }),
    });
    render(withOptionsServices(<SettingsSection />, { call: bg.call, permissions: fakePermissions(true).permissions }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Show the panel on article pages' }));
    expect((await screen.findByRole('alert')).textContent).toContain('archiveHosts: too many');
  });
});

describe('host validation', () => {
  it('normalises typed and pasted hosts', () => {
    expect(normaliseHost('  WWW.SecurityVibes.FR. ')).toBe('www.securityvibes.fr');
    expect(normaliseHost('http://localhost:8080/x')).toBe('localhost:8080');
  });
  it('refuses empty, malformed and duplicate hosts', () => {
    expect(hostProblem('', [])).toBe('optionsHostEmpty');
    expect(hostProblem('exa mple.org', [])).toBe('optionsHostInvalid');
    expect(hostProblem('.example.org', [])).toBe('optionsHostInvalid');
    expect(hostProblem('a..b', [])).toBe('optionsHostInvalid');
    expect(hostProblem('x.org', ['x.org'])).toBe('optionsHostDuplicate');
    expect(
      hostProblem(
        'y.org',
        Array.from({ length: 50 }, (_, i) => `h${i}.org`),
      ),
    ).toBe('optionsHostTooMany');
    expect(hostProblem('mirror.example.org', ['x.org'])).toBeNull();
  });
});
