import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import { setMessageSource } from '@/components/i18n';
import { ServicesProvider, type CallFn, type DraftSink, type Services } from '@/components/services';
import type { Note, RelatedItem } from '@/lib/model';
import type { AnyEvent, CallName, CallRequest, CallResponse, Result } from '@/lib/protocol';

type Catalogue = Record<string, { message: string }>;
const load = (locale: string) => JSON.parse(readFileSync(resolve(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8')) as Catalogue;

/** Uses the real English (or French) catalogue with Chrome-style $1…$9 substitution. */
export function useLocale(locale: 'en' | 'fr' = 'en'): void {
  const catalogue = load(locale);
  setMessageSource((key, subs = []) => (catalogue[key]?.message ?? '').replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? ''), locale);
}

export type FakeHandlers = { [N in CallName]?: (payload: CallRequest<N>) => CallResponse<N> | Promise<CallResponse<N>> };

export interface FakeBackground {
  services: Services;
  call: ReturnType<typeof vi.fn>;
  emit: (event: AnyEvent) => void;
  drafts: { draft: ReturnType<typeof vi.fn>; saved: ReturnType<typeof vi.fn> };
  openUrl: ReturnType<typeof vi.fn>;
}

/** A fake background: handlers answer ok values, missing ones answer `unavailable`; events by emit(). */
export function fakeBackground(handlers: FakeHandlers, options: { openUrl?: boolean } = {}): FakeBackground {
  const listeners = new Set<(event: AnyEvent) => void>();
  const call = vi.fn(async (name: CallName, payload: unknown): Promise<Result<unknown>> => {
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'unavailable', message: `${name} unavailable` } };
    try {
      return { ok: true, value: await handler(payload) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  });
  const drafts = { draft: vi.fn(), saved: vi.fn() };
  const openUrl = vi.fn();
  const services: Services = {
    call: call as unknown as CallFn,
    onEvent: (listener, signal) => {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener));
    },
    hosts: ['www.securityvibes.fr', 'securityvibes.fr'],
    drafts: drafts as DraftSink,
    ...(options.openUrl ? { openUrl } : {}),
  };
  return { services, call, drafts, openUrl, emit: (event) => listeners.forEach((l) => l(event)) };
}

export function withServices(services: Services, children: ComponentChildren) {
  return <ServicesProvider value={services}>{children}</ServicesProvider>;
}

export const ARTICLE_URL = 'https://www.securityvibes.fr/menaces/conficker-ver/';

export function note(patch: Partial<Note> = {}): Note {
  return { url: ARTICLE_URL, text: '', rating: null, createdAt: 1, updatedAt: 2, ...patch };
}

export function related(i: number, patch: Partial<RelatedItem> = {}): RelatedItem {
  return {
    url: `https://www.securityvibes.fr/menaces/article-${i}/`,
    title: `Article ${i}`,
    publishedAt: '2009-01-1' + (i % 10) + 'T10:00:00+01:00',
    category: { slug: 'menaces', name: 'Menaces' },
    sharedTags: [{ slug: 'conficker', name: 'Conficker' }],
    score: 10 - i,
    rating: null,
    ...patch,
  };
}
