import type { AnyEvent, CallBackground } from '@/lib/protocol';

/** Subscribes to background broadcasts until `signal` aborts (components/api.ts `onBackgroundEvent`). */
export type Subscribe = (listener: (event: AnyEvent) => void, signal: AbortSignal) => void;

/** What every options section needs from the outside world; injected so tests can pass fakes. */
export interface SectionDeps {
  call: CallBackground;
  subscribe: Subscribe;
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
