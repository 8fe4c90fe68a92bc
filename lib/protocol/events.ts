import * as z from 'zod/mini';
import { CrawlStatus, HighlightId, HttpUrl, Note } from '../model';

/**
 * Background → extension pages (popup, options, in-page panels) over runtime messaging, which never reaches
 * a content script. Fire-and-forget; receivers check them.
 */
export const events = {
  'bg.noteChanged': z.object({ url: HttpUrl, note: z.nullable(Note) }),
  /** An article's highlights changed, or a tab showing it drew them (extension pages re-read them). */
  'bg.highlightsChanged': z.object({ url: HttpUrl }),
  /** The reader clicked highlight `id` on a page showing `url`: the panel opens it. */
  'bg.openHighlight': z.object({ url: HttpUrl, id: HighlightId }),
  'bg.indexChanged': z.object({ articles: z.number().check(z.int(), z.nonnegative()) }),
  'bg.crawlProgress': z.object({ status: CrawlStatus }),
  /** Context menu "Show related articles" on a link: the panel in that tab shows this article. */
  'bg.showRelated': z.object({ url: HttpUrl }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

/**
 * The only events the background may send to a tab's content script (tabs.sendMessage): what it needs to
 * act on its own page, never note text, a rating or reading data. Highlights will add "where to draw".
 */
export const TAB_EVENTS = ['bg.showRelated'] as const satisfies readonly EventName[];
export type TabEventName = (typeof TAB_EVENTS)[number];

const EventEnvelope = z.object({ event: z.enum(Object.keys(events) as [EventName, ...EventName[]]), payload: z.unknown() });

export type AnyEvent = { [N in EventName]: { event: N; payload: EventPayload<N> } }[EventName];

/** Checks a received event; null for anything that is not one of ours. Never throws. */
export function parseEvent(raw: unknown): AnyEvent | null {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) return null;
  const payload = events[envelope.data.event].safeParse(envelope.data.payload);
  if (!payload.success) return null;
  return { event: envelope.data.event, payload: payload.data } as AnyEvent;
}

export function makeEvent<N extends EventName>(event: N, payload: EventPayload<N>): { event: N; payload: EventPayload<N> } {
  return { event, payload };
}
