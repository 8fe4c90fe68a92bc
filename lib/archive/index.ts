/** lib/archive public API. The content script imports extract.ts directly (no zod in its bundle). */
export { recognise, type RecogniseOptions } from './recognise';
export { extractPage, notArchive } from './extract';
export { canonicalUrl } from './canonical-url';
export { unwrapWayback } from './wayback';
export { DEFAULT_ARCHIVE_HOSTS, isArchiveHost, canonicalHost } from './hosts';
export { parseFrenchDate, parseMachineDate, parseAnyDate, toParisIso, parisOffset } from './french-date';
export { urlShape, bodyClassKind } from './page-kind';
