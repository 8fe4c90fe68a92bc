import type { ContentProbe, ContentProbeResult } from './content-world';
import type { CallName, CallRequest, CallResponse, Result } from '../../../lib/protocol';

/** The two browsers every e2e test runs in. */
export type BrowserName = 'chromium' | 'firefox';

export type ColorScheme = 'light' | 'dark';

export interface LaunchOptions {
  /**
   * The fixture server (anything with a `port`, e.g. the result of `startArchiveServer`). When given, the
   * three archive host names (www.securityvibes.fr, securityvibes.fr, magazine.qualys.fr) reach it over
   * plain http: Chromium through `--host-resolver-rules`, Firefox through an HTTP proxy pref.
   */
  server?: { port: number };
  /** Reuse a profile (default: a fresh one under the OS temp dir, deleted by `close()`). */
  profileDir?: string;
  /** Extra Firefox prefs (ignored by Chromium). */
  prefs?: Record<string, string | number | boolean>;
  /** Extra Chromium command-line switches (ignored by Firefox). */
  chromiumArgs?: string[];
  /** Initial `prefers-color-scheme` for every page (default light). */
  colorScheme?: ColorScheme;
  /**
   * Firefox only: `extensions.background.idle.timeout` in ms, i.e. when the MV3 event page unloads by
   * itself after being idle (Firefox default 30 s). `stopBackground()` does not need it.
   */
  backgroundIdleTimeoutMs?: number;
}

export interface WaitOptions {
  /** Default 10 000 ms. */
  timeout?: number;
}

/**
 * One tab (or the real toolbar popup) in either browser. Everything goes through `evaluate` in the page's
 * main world, so the same test code works over Playwright, Puppeteer (WebDriver BiDi) and raw CDP.
 * Functions passed to evaluate/waitForFunction are serialised: they must not close over test variables —
 * pass data through `arg` (JSON-serialisable).
 */
export interface PageHandle {
  /** 'tab' for pages in a tab; 'popup' for the real toolbar popup (Chromium only); 'frame' for `frame()`. */
  readonly kind: 'tab' | 'popup' | 'frame';
  url(): Promise<string>;
  /** Navigates and waits for the DOM (works for http(s) and extension URLs in both browsers). */
  goto(url: string, options?: WaitOptions): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves when `selector` matches an element (visible: with a non-empty box, not visibility:hidden). */
  waitForSelector(selector: string, options?: WaitOptions & { visible?: boolean }): Promise<void>;
  /** Resolves with the first truthy value `fn(arg)` returns (polled every 50 ms). */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options?: WaitOptions): Promise<R>;
  /** textContent of the first match, trimmed (waits for the selector first). */
  text(selector: string, options?: WaitOptions): Promise<string>;
  /** A trusted click (real input events: counts as a user gesture, e.g. for permissions.request). */
  click(selector: string, options?: WaitOptions): Promise<void>;
  /** Focuses `selector` by clicking it, then types `text` as keystrokes. */
  type(selector: string, text: string, options?: WaitOptions): Promise<void>;
  /** One key on the focused element: 'Enter', 'Tab', 'Escape', 'ArrowDown', 'a', … */
  press(key: string): Promise<void>;
  reload(options?: WaitOptions): Promise<void>;
  bringToFront(): Promise<void>;
  /** `prefers-color-scheme` for this page (Firefox: browser-wide, through a pref). */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  /** PNG bytes of the viewport. Prefer `session.screenshot(page, name)`, which also saves the file. */
  screenshotPng(): Promise<Uint8Array>;
  close(): Promise<void>;
  /**
   * A child frame of this page whose URL starts with `match` (a string) or matches it (a RegExp), once its
   * document has parsed — e.g. the in-page panel, panel.html framed by the content script. Waits up to
   * `timeout` (default 10 s). The handle evaluates in the frame; keyboard, colour scheme, screenshots and
   * bringToFront go through this page; its close() does nothing. A reload of this page detaches it: ask
   * again. Tabs only (the popup has no frames: rejects).
   */
  frame(match: string | RegExp, options?: WaitOptions): Promise<PageHandle>;
}

export interface Session {
  readonly name: BrowserName;
  /** Chromium: the generated 32-letter id; Firefox: the gecko id from wxt.config.ts. */
  readonly extensionId: string;
  /** chrome-extension://<id> or moz-extension://<fixed uuid>, no trailing slash. */
  readonly extensionOrigin: string;
  /** Profile directory (survives `restart()`). */
  readonly profileDir: string;
  /** True when `openPopup()` opens the real toolbar popup (Chromium); false: popup.html in a tab (Firefox). */
  readonly realPopup: boolean;
  extensionUrl(path: string): string;
  /** A new tab on `url` (DOM loaded). */
  openPage(url: string): Promise<PageHandle>;
  /** A new tab on one of our pages: 'popup.html', 'options.html', 'options.html#notes'… */
  openExtensionPage(path: string): Promise<PageHandle>;
  /**
   * The popup. Chromium: the real toolbar popup (`action.openPopup()` for the window of `forPage`, or of the
   * last focused window); its "active tab" is then `forPage`. Firefox: popup.html in a new 400×600 tab (no
   * way to reach the real popup panel over WebDriver BiDi), so there the active tab is the popup's own tab.
   */
  openPopup(forPage?: PageHandle): Promise<PageHandle>;
  /** A typed call from an extension page (sender kind 'page'), answer checked with the call's schema. */
  callBackground<N extends CallName>(name: N, payload: CallRequest<N>): Promise<Result<CallResponse<N>>>;
  /** `runtime.sendMessage(message)` from an extension page, answer unchecked (for malformed-envelope tests). */
  sendRawMessage(message: unknown): Promise<unknown>;
  /** The tab id of an open page (looked up by URL from an extension page; fails unless exactly one tab matches). */
  tabIdOf(page: PageHandle): Promise<number>;
  /**
   * Runs a probe inside our content script's own (isolated) world of tab `tabId`'s top frame, through
   * scripting.executeScript from the bridge page: messages sent there have the content script as sender.
   */
  contentWorld(tabId: number, probe: ContentProbe): Promise<ContentProbeResult>;
  /** tabs.sendMessage(tabId, message) to the tab's top frame, from an extension page. */
  sendToTab(tabId: number, message: unknown): Promise<void>;
  /** Stops the background now (Chromium: closes the service worker; Firefox: terminates the event page). */
  stopBackground(): Promise<void>;
  /** Whether the background is running right now (it starts again on the next message or event). */
  backgroundRunning(): Promise<boolean>;
  /** Closes the browser and launches it again on the same profile (extension storage kept). */
  restart(): Promise<void>;
  /** Saves test-results/screenshots/<browser>-<name>.png and returns its path. */
  screenshot(page: PageHandle, name: string): Promise<string>;
  /** Closes the browser; deletes the profile unless `profileDir` was given. Safe to call twice. */
  close(): Promise<void>;
}
