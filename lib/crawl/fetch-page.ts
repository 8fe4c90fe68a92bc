/**
 * One polite, bounded HTTP request: timeout (AbortController), size cap, redirects checked hop by hop
 * against the archive hosts (a redirect the browser followed unseen is reported as a redirect to where it
 * ended, never as that page), truncation detected, bodies decoded with their declared charset.
 * Every failure becomes a reason a person can read, and says whether another try may help.
 */
import { parseRetryAfter } from './politeness';

/** What the crawler needs of fetch(); the CLI passes a node:http one (for --connect-to), browsers fetch. */
export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string>; redirect: 'manual' }) => Promise<Response>;

export type BodyKind = 'html' | 'xml' | 'text';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

export type FetchOutcome =
  | { ok: true; status: number; url: string; body: string }
  | { ok: false; status: number | null; retry: boolean; reason: string; retryAfterMs: number | null }
  /** `status` null: the browser followed the redirect(s) itself (`location` is where it ended). */
  | { ok: 'redirect'; status: number | null; location: string };

const fail = (reason: string, retry: boolean, status: number | null = null, retryAfterMs: number | null = null): FetchOutcome => ({
  ok: false,
  status,
  retry,
  reason,
  retryAfterMs,
});

function charsetOf(contentType: string, head: Uint8Array): string {
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (declared) return declared;
  const sniff = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(sniff)?.[1] ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function kindAccepts(kind: BodyKind, contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (kind === 'html') return type === 'text/html' || type === 'application/xhtml+xml';
  if (kind === 'xml') return /xml/.test(type) || type === 'text/plain';
  return type === '' || type.startsWith('text/');
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Fetches `url` once. `signal` is the crawl's own (pause/cancel): its abort propagates as a throw;
 * the per-request timeout becomes a retryable failure.
 */
export async function fetchOnce(
  fetchFn: FetchLike,
  url: string,
  kind: BodyKind,
  signal: AbortSignal,
  now: () => number,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<FetchOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), limits.timeoutMs);
  const both = AbortSignal.any([signal, timeout.signal]);
  const accept = kind === 'html' ? 'text/html,application/xhtml+xml' : kind === 'xml' ? 'application/xml,text/xml' : 'text/plain';
  try {
    const response = await fetchFn(url, { signal: both, headers: { accept }, redirect: 'manual' });
    const status = response.status;
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) return fail(`HTTP ${status} redirect without a Location`, false, status);
      return { ok: 'redirect', status, location: new URL(location, url).href };
    }
    if (response.type === 'opaqueredirect') return fail('redirect whose target the browser hides', false, null);
    if (response.redirected) {
      // The browser followed redirects whose hops it does not show: one may have left the archive and
      // come back. The answer is not used; the crawler asks the final URL itself, if it is on the archive.
      await response.body?.cancel().catch(() => undefined);
      return { ok: 'redirect', status: null, location: response.url };
    }
    if (status === 429 || status === 503) {
      await response.body?.cancel().catch(() => undefined);
      return fail(`HTTP ${status}`, true, status, parseRetryAfter(response.headers.get('retry-after'), now()));
    }
    if (status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      return fail(`HTTP ${status}`, true, status);
    }
    if (status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return fail(`HTTP ${status}`, false, status);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!kindAccepts(kind, contentType)) {
      await response.body?.cancel().catch(() => undefined);
      return fail(`not ${kind === 'html' ? 'HTML' : kind === 'xml' ? 'XML' : 'text'} (content-type "${contentType.slice(0, 80)}")`, false, status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return fail(`page larger than ${limits.maxBytes} bytes (${declared})`, false, status);
    }
    const bytes = await readCapped(response, limits.maxBytes);
    if (bytes === 'too-large') return fail(`page larger than ${limits.maxBytes} bytes`, false, status);
    if (Number.isFinite(declared) && bytes.byteLength < declared) return fail(`truncated body (${bytes.byteLength} of ${declared} bytes)`, true, status);
    const body = decode(bytes, contentType);
    if (kind === 'html' && !/<\/html\s*>/i.test(body.slice(-4096))) return fail('truncated body (no closing </html>)', true, status);
    return { ok: true, status, url, body };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (timeout.signal.aborted) return fail(`timed out after ${Math.round(limits.timeoutMs / 100) / 10} s`, true);
    const message = error instanceof Error ? error.message : String(error);
    return fail(`network error: ${message.slice(0, 120)}`, true);
  } finally {
    clearTimeout(timer);
  }
}
