import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentChildren } from 'preact';
import { setMessageSource } from '@/components/i18n';
import { ServicesProvider, type Services, type StorageProbe } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { calls, err, ok, type AnyEvent, type CallBackground, type CallName, type CallPayload, type CallResponse, type Result } from '@/lib/protocol';

type Catalogue = Record<string, { message: string }>;
const catalogue = (locale: 'en' | 'fr'): Catalogue =>
  // vitest runs from the project root (import.meta.url is not a file URL under happy-dom).
  JSON.parse(readFileSync(resolve(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8')) as Catalogue;

/** Serves t() from the real locale file, with Chrome's $1…$9 substitution; unknown keys give ''. */
export function useLocale(locale: 'en' | 'fr' = 'en'): void {
  const messages = catalogue(locale);
  setMessageSource((key, subs = []) => messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '', locale);
}

export type FakeHandlers = {
  [N in CallName]?: (payload: CallPayload<N>) => Result<CallResponse<N>> | CallResponse<N> | Promise<Result<CallResponse<N>> | CallResponse<N>>;
};

export interface FakeBackground {
  call: CallBackground;
  /** Every call made, in order, with its payload as the real router would see it (defaults applied). */
  log: { name: CallName; payload: unknown }[];
  callsTo<N extends CallName>(name: N): CallPayload<N>[];
}

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';

/**
 * A fake background: payloads go through the real request schemas (so a component sending a bad
 * payload fails the test) and answers through the real response schemas (so fixtures stay honest).
 */
export function fakeBackground(handlers: FakeHandlers): FakeBackground {
  const log: { name: CallName; payload: unknown }[] = [];
  const call = (async (name: CallName, raw: unknown) => {
    const request = calls[name].req.safeParse(raw ?? {});
    if (!request.success) throw new Error(`component sent an invalid ${name} payload: ${JSON.stringify(raw)}`);
    log.push({ name, payload: request.data });
    const handler = handlers[name] as ((payload: unknown) => unknown) | undefined;
    if (!handler) return err('unavailable', `${name} is not faked`);
    const answer = await handler(request.data);
    const result = isResult(answer) ? answer : ok(answer);
    if (result.ok && !calls[name].res.safeParse(result.value).success) throw new Error(`fake answer to ${name} does not match its schema`);
    return result;
  }) as CallBackground;
  return {
    call,
    log,
    callsTo: <N extends CallName>(name: N) => log.filter((entry) => entry.name === name).map((entry) => entry.payload as CallPayload<N>),
  };
}

/** A subscribe() that tests can emit background events through. */
export function fakeEvents() {
  const listeners = new Set<(event: AnyEvent) => void>();
  return {
    subscribe(listener: (event: AnyEvent) => void, signal: AbortSignal) {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    emit(event: AnyEvent) {
      for (const listener of [...listeners]) listener(event);
    },
    get size() {
      return listeners.size;
    },
  };
}

/** navigator.storage and the unlimitedStorage permission as a test wants them; records persist() calls. */
export function fakeStorage(over: { persisted?: boolean; grants?: boolean; unlimited?: boolean; usage?: number; quota?: number } = {}) {
  const asked: number[] = [];
  let persisted = over.persisted ?? true;
  const storage: StorageProbe = {
    persisted: async () => persisted,
    persist: async () => {
      asked.push(1);
      persisted ||= over.grants ?? false;
      return persisted;
    },
    estimate: async () => ({ usage: over.usage ?? 1_234_567, quota: over.quota ?? 77_400_000_000 }),
    unlimited: async () => over.unlimited ?? false,
  };
  return { storage, asked };
}

/**
 * The options page's services around `children`, as main.tsx provides them: the fake background, events
 * (none unless given), the default archive hosts, and whatever page services the test passes.
 */
export function withOptionsServices(
  children: ComponentChildren,
  { call, events = fakeEvents(), ...extra }: { call: CallBackground; events?: ReturnType<typeof fakeEvents> } & Partial<Omit<Services, 'call' | 'onEvent'>>,
) {
  const services: Services = { call, onEvent: events.subscribe, hosts: DEFAULT_ARCHIVE_HOSTS, ...extra };
  return <ServicesProvider value={services}>{children}</ServicesProvider>;
}
