/**
 * Layer 3 — the archive's own wording, for the oldest themes whose markup carries nothing else:
 *   "auteur de l'article Jérôme Vasseur, dans la rubrique Actualités"
 *   "Jérôme Vasseur le 24 mars 2010 à 10h20, dans la rubrique Actualités"
 *   "Publié le 12/07/2003 par X dans Y", "Étiquettes : APT, Stuxnet", "Mots-clés : …"
 * Names come from the text; slugs from a link carrying that text when there is one, else made the
 * way WordPress makes them.
 */
import { LIMITS } from '../model/limits';
import type { Tag } from '../model/article';
import { safeSlug, termOfUrl, type PageContext } from './context';
import { parseFrenchDate, type DateParts } from './french-date';
import { inScope } from './scope';
import { boundedText, classes, cleanText, lowerTag, slugify } from './text';
import { cleanAuthor } from './wordpress';

export interface TextFacts {
  author: string | null;
  date: DateParts | null;
  category: Tag | null;
  tags: Tag[];
}

const WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const CLOCK = String.raw`(?:\s*(?:à|a|,|-)?\s*\d{1,2}\s*[h:]\s*\d{2})?`;
const DATE = String.raw`(?:${WEEKDAY}\s+)?(?:1er|\d{1,2})\s+[a-zéû]{3,9}\.?\s+\d{4}${CLOCK}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}${CLOCK}`;
const AUTEUR = new RegExp(
  String.raw`auteur de l['’]article\s*:?\s*(.+?)\s*(?:,|$)(?:\s*(?:publi[ée]\s+)?le\s+(${DATE})\s*,?)?(?:\s*dans la rubrique\s*:?\s*(.+?))?\s*$`,
  'i',
);
const VERB = String.raw`(?:publi[ée]|post[ée]|mis en ligne|[ée]crit|r[ée]dig[ée])`;
// "Jérôme Vasseur le 24 mars 2010, dans la rubrique X", "Publié par X le 24 mars 2010 dans Y" (but "dans le
// cadre de…" names no rubrique).
const WHO_WHEN = new RegExp(
  String.raw`^(?:${VERB}\s+)?(?:par\s+)?(.{2,100}?)\s*,?\s+le\s+(${DATE})\s*,?\s*(?:dans\s+(?:la rubrique\s*:?\s*|(?!(?:les?|la|une?|des|du|de|ce|cette|son|sa|ses)\s|l['’]))(.+?))?\s*$`,
  'i',
);
const PUBLISHED = new RegExp(String.raw`${VERB}\s+le\s+(${DATE})\s*(?:par\s+(.+?))?\s*(?:,?\s*dans\s+(?:la rubrique\s+)?(.+?))?\s*$`, 'i');
/** A line that is only a date: "Le 12 janvier 2009", "le 24/03/2010 à 10h20". */
const DATE_LINE = new RegExp(String.raw`^le\s+(${DATE})\s*\.?$`, 'i');
const RUBRIQUE = /(?:^|\s)(?:rubrique|cat[ée]gorie|class[ée] dans)\s*:\s*(.+?)\s*$/i;
const TAGS = /(?:^|\s)(?:[ée]tiquettes|mots[- ]cl[ée]s|mots[- ]clefs|tags|sujets|th[èe]mes)\s*:\s*(.+?)\s*$/i;
/** Where a captured name stops: the next field of the meta line. */
const FIELD_END =
  /\s*(?:[|•·—]|\s(?:[ée]tiquettes|mots[- ]cl[ée]s|tags)\s*:|\s\d+\s+commentaires?|\s(?:aucun|pas de)\s+commentaire|\s(?:r[ée]agir|imprimer|lire la suite|commenter)\b).*$/i;
/** Every meta-line pattern needs "auteur de l'article" or "le <date>" (a date starts with a digit, maybe after a weekday). */
const META_HINT = new RegExp(String.raw`auteur de l|(?:^|\s)le\s+(?:${WEEKDAY}\s+)?\d`, 'i');
// Words a "X le <date>" line may start with that name no one ("Dernière mise à jour le 3 avril 2012").
const NOT_AUTHORS = new RegExp(String.raw`^(${VERB}|le|par|article)$|mise? [àa] jour|modifi[ée]`, 'i');

/** Where meta lines are written: `p, div, span, small, li, td, em, address, footer, header` and the meta classes. */
const CANDIDATE_TAGS = new Set(['p', 'div', 'span', 'small', 'li', 'td', 'em', 'address', 'footer', 'header']);
const CANDIDATE_CLASSES = new Set(['meta', 'postmetadata', 'entry-meta', 'post-info', 'byline']);

/**
 * The candidate elements in scope, in page order, read in one pass over the container's elements (the
 * selector list above would be matched against each element once per selector).
 */
export function metaLineCandidates(container: Element, postLevel: boolean, max: number): Element[] {
  const all = container.querySelectorAll('*'); // getElementsByTagName('*') is empty in linkedom
  const out: Element[] = [];
  let matched = 0;
  for (let i = 0; i < all.length && matched < 5000 && out.length < max; i++) {
    const el = all[i] as Element;
    if (!CANDIDATE_TAGS.has(lowerTag(el)) && !classes(el).some((token) => CANDIDATE_CLASSES.has(token))) continue;
    matched++;
    if (inScope(el, container, postLevel)) out.push(el);
  }
  return out;
}
export const MAX_LINE = 400;

/** An element classed as post meta (`entry-meta`, `postmetadata`, `byline`…). */
function isMetaBox(el: Element): boolean {
  return /meta|post-info|byline/.test(el.getAttribute('class') ?? '') && classes(el).some((token) => CANDIDATE_CLASSES.has(token));
}

/**
 * What an element's raw text must contain for its meta line to match anything above: "auteur de l",
 * "le <date>" or a label colon. Checked on textContent (native, cheap) before the bounded text walk;
 * separators allow for whitespace the walk inserts at <br>/<p>/<div>/<li> boundaries.
 */
const RAW_HINT = new RegExp(String.raw`:|auteur[\s\u200b]*de[\s\u200b]*l|le[\s\u200b]*(?:${WEEKDAY}[\s\u200b]*)?\d`, 'i');
/** Longer raw text is left to the bounded walk (whose line is then too long, unless it was mostly whitespace). */
const RAW_CAP = 16 * 1024;
const RAW_BUDGET = 1024 * 1024;
/** Text the bounded walk skips: where these are present, textContent is no guide to the line. */
const HIDDEN_TEXT = 'script, style, noscript, template, svg, iframe, object';

function endField(value: string | undefined): string {
  return cleanText((value ?? '').replace(FIELD_END, '').replace(/[.;,\s]+$/, ''), LIMITS.title);
}

/** Link inside `el` whose text is `name` (to learn the slug of a rubrique or tag named in text). */
function linkNamed(el: Element, name: string, context: PageContext, category: boolean): Tag | null {
  const links = el.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && i < 50; i++) {
    const link = links[i] as Element;
    if (cleanText(link.textContent ?? '', 200) !== name) continue;
    const term = termOfUrl(context.resolve(link.getAttribute('href')), category);
    const slug = term && term.kind === (category ? 'category' : 'tag') ? safeSlug(term.slug) : null;
    if (slug) return { slug, name };
  }
  return null;
}

function term(el: Element, raw: string, context: PageContext, category: boolean): Tag | null {
  const name = endField(raw);
  if (!name || name.length > LIMITS.tagName) return null;
  const slug = safeSlug(slugify(name));
  return linkNamed(el, name, context, category) ?? (slug ? { slug, name } : null);
}

interface MetaLine {
  who: string | undefined;
  when: string | undefined;
  where: string | undefined;
}

function metaLine(line: string): MetaLine | null {
  const auteur = AUTEUR.exec(line);
  if (auteur) return { who: auteur[1], when: auteur[2], where: auteur[3] };
  const published = PUBLISHED.exec(line);
  if (published) return { who: published[2], when: published[1], where: published[3] };
  const whoWhen = WHO_WHEN.exec(line);
  if (whoWhen) return { who: whoWhen[1], when: whoWhen[2], where: whoWhen[3] };
  const dateLine = DATE_LINE.exec(line);
  return dateLine ? { who: undefined, when: dateLine[1], where: undefined } : null;
}

/** Reads the archive's meta lines in scope of `container`: the shortest matching line wins per field. */
export function readTextPatterns(container: Element, postLevel: boolean, context: PageContext): TextFacts {
  const facts: TextFacts = { author: null, date: null, category: null, tags: [] };
  let authorLength = Infinity;
  let dateLength = Infinity;
  let tagsLength = Infinity;
  let rubriqueLength = Infinity;
  const prefilter = !container.querySelector(HIDDEN_TEXT);
  // Nested candidates each read the same text: 300 of them around 4 MB took 7 s. The prefilter reads at
  // most RAW_BUDGET characters of textContent per page, and never runs its regex on more than RAW_CAP.
  let rawBudget = RAW_BUDGET;
  for (const el of metaLineCandidates(container, postLevel, 300)) {
    let metaBox: boolean | null = null;
    const inMetaBox = () => (metaBox ??= isMetaBox(el));
    const raw = prefilter && rawBudget > 0 ? (el.textContent ?? '') : null;
    if (raw !== null) rawBudget -= raw.length;
    if (raw !== null && raw.length <= RAW_CAP && !RAW_HINT.test(raw) && !inMetaBox()) continue;
    const line = boundedText(el, MAX_LINE + 1);
    if (line.length < 6 || line.length > MAX_LINE) continue;
    // The meta-line patterns backtrack over the whole line: run them only where their anchor words are.
    // A meta box may carry a bare date ("Jérôme Vasseur | 24 mars 2010 | Menaces"): its first date counts.
    const meta = (META_HINT.test(line) ? metaLine(line) : null) ?? (inMetaBox() ? { who: undefined, when: line, where: undefined } : null);
    if (meta) {
      // Each field from the shortest line that gives it ("Publié le …" and "auteur de l'article …" may be two lines).
      const author = meta.who ? cleanAuthor(endField(meta.who)) : null;
      if (author && !NOT_AUTHORS.test(author) && line.length < authorLength) {
        facts.author = author;
        authorLength = line.length;
      }
      const date = parseFrenchDate(meta.when ?? '');
      if (date && line.length < dateLength) {
        facts.date = date;
        dateLength = line.length;
      }
      const category = meta.where ? term(el, meta.where, context, true) : null;
      if (category && line.length < rubriqueLength) {
        facts.category = category;
        rubriqueLength = line.length;
      }
    }
    const labelled = line.includes(':');
    const rubrique = labelled ? RUBRIQUE.exec(line) : null;
    const named = rubrique ? term(el, rubrique[1] ?? '', context, true) : null;
    if (named && line.length < rubriqueLength) {
      facts.category = named;
      rubriqueLength = line.length;
    }
    const tagLine = labelled ? TAGS.exec(line) : null;
    if (tagLine && line.length < tagsLength) {
      const tags: Tag[] = [];
      for (const part of (tagLine[1] ?? '').split(/\s*[,;]\s*/)) {
        const tag = term(el, part, context, false);
        if (tag && tags.length < LIMITS.tagsPerArticle && !tags.some((t) => t.slug === tag.slug)) tags.push(tag);
      }
      if (tags.length) {
        facts.tags = tags;
        tagsLength = line.length;
      }
    }
  }
  return facts;
}
