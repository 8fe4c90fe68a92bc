import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CodedError } from '@/lib/model';
import { panelTokenKey } from '@/lib/protocol/storage-keys';

/** A token not redeemed within this time is void (the panel asks for it ~100 ms after the page is seen). */
export const PANEL_TOKEN_TTL_MS = 2 * 60_000;

const Outstanding = z.object({ token: z.string(), url: z.string(), at: z.number() });

/** Tokens being redeemed right now in this worker: two redeems of one token racing on storage get one win. */
const redeeming = new Set<string>();

function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Issues the one-time token that lets the panel framed in tab `tabId` draw article `url`; it replaces any
 * earlier token of that tab (one outstanding per tab, so storage stays bounded).
 */
export async function issuePanelToken(tabId: number, url: string, now = Date.now()): Promise<string> {
  const token = randomToken();
  await browser.storage.session.set({ [panelTokenKey(tabId)]: { token, url, at: now } });
  return token;
}

/**
 * Redeems a token for the panel framed in tab `tabId`: it must be that tab's outstanding token, unexpired
 * and not yet used. Any attempt uses it up, right or wrong. Answers the article it was issued for; throws
 * `forbidden` otherwise (the panel then draws nothing).
 */
export async function redeemPanelToken(tabId: number, token: string, now = Date.now()): Promise<string> {
  if (redeeming.has(token)) throw new CodedError('forbidden', 'This panel token is already being used');
  redeeming.add(token);
  try {
    const key = panelTokenKey(tabId);
    const stored = Outstanding.safeParse((await browser.storage.session.get(key))[key]);
    if (stored.success) await browser.storage.session.remove(key);
    if (!stored.success || stored.data.token !== token || now - stored.data.at > PANEL_TOKEN_TTL_MS || now < stored.data.at) {
      throw new CodedError('forbidden', 'No valid panel token for this tab');
    }
    return stored.data.url;
  } finally {
    redeeming.delete(token);
  }
}

export async function forgetPanelToken(tabId: number): Promise<void> {
  await browser.storage.session.remove(panelTokenKey(tabId)).catch(() => undefined);
}
