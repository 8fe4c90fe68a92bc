import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { AnyEvent, CallName, CallRequest, CallResponse, Result } from '@/lib/protocol';

/** Same shape as components/api.ts `callBackground`; the panel passes a zod-free variant. */
export type CallFn = <N extends CallName>(name: N, payload: CallRequest<N>) => Promise<Result<CallResponse<N>>>;
export type EventFn = (listener: (event: AnyEvent) => void, signal: AbortSignal) => void;

/** Where a note being typed is mirrored keystroke by keystroke, so closing mid-sentence loses nothing. */
export interface DraftSink {
  draft(url: string, text: string): void;
  saved(url: string, text: string): void;
}

export interface Services {
  call: CallFn;
  onEvent: EventFn;
  /** Archive hosts: only http(s) URLs on these become links (safeArchiveHref). */
  hosts: readonly string[];
  /** Opens an article; absent → plain links (the in-page panel lets the browser do it). */
  openUrl?: (url: string, newTab: boolean) => void;
  drafts?: DraftSink;
}

const ServicesContext = createContext<Services | null>(null);

/** Components get the background through this context, so tests inject a fake `call`. */
export function ServicesProvider({ value, children }: { value: Services; children: ComponentChildren }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider missing');
  return services;
}
