import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { AnyEvent, CallName, CallRequest, CallResponse, Result } from '@/lib/protocol';

/** Same shape as components/api.ts `callBackground`; the panel passes a zod-free variant. */
export type CallFn = <N extends CallName>(name: N, payload: CallRequest<N>) => Promise<Result<CallResponse<N>>>;
/** Subscribes to background broadcasts until `signal` aborts (components/api.ts `onBackgroundEvent`). */
export type EventFn = (listener: (event: AnyEvent) => void, signal: AbortSignal) => void;

/** Where a note being typed is mirrored keystroke by keystroke, so closing mid-sentence loses nothing. */
export interface DraftSink {
  draft(url: string, text: string): void;
  saved(url: string, text: string): void;
}

/** The slice of `browser.permissions` the settings use. `request` must be called synchronously from
 * a click handler: browsers only grant optional permissions inside a user gesture. */
export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
}

/** Where downloads go; the real one clicks an `<a download>` over a Blob URL. */
export type SaveFile = (filename: string, blob: Blob) => void;

/** What the options page may know about its own storage (navigator.storage, browser.permissions). */
export interface StorageProbe {
  persisted(): Promise<boolean>;
  /** Asks the browser to make the storage persistent; resolves whether it now is. */
  persist(): Promise<boolean>;
  estimate(): Promise<{ usage?: number; quota?: number }>;
  /** Whether the unlimitedStorage permission is granted (Chrome exempts such origins from eviction). */
  unlimited(): Promise<boolean>;
}

/** Everything a UI component needs from outside itself: popup, panel and options each provide their own. */
export interface Services {
  call: CallFn;
  onEvent: EventFn;
  /** Archive hosts: only http(s) URLs on these become links (safeArchiveHref). */
  hosts: readonly string[];
  /** Opens an article; absent → plain links (the in-page panel and the options page let the browser do it). */
  openUrl?: (url: string, newTab: boolean) => void;
  drafts?: DraftSink;
  /** Options page only: backups and Markdown exports. */
  saveFile?: SaveFile;
  /** Options page only: the optional Wayback Machine host permission. */
  permissions?: HostPermissions;
  /** Options page only: whether the store is kept under disk pressure, and its size. */
  storage?: StorageProbe;
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

type PageService = 'openUrl' | 'drafts' | 'saveFile' | 'permissions' | 'storage';

/** A service only some pages provide (the options page's `saveFile`), for a component that cannot work
 * without it: a page that forgot it fails at first render, like a missing provider. */
export function useRequiredService<K extends PageService>(name: K): NonNullable<Services[K]> {
  const service = useServices()[name];
  if (service === undefined) throw new Error(`service ${name} missing`);
  return service as NonNullable<Services[K]>;
}
