/**
 * Dates as the archive writes them — "le 12 juillet 2003", "24 mars 2010 à 10h20", "1er janvier 2001",
 * "12/07/2003", "janv. 2005", "MERCREDI 24 MARS 2010" — and as machines write them (ISO 8601), all
 * turned into ISO 8601 with the Europe/Paris offset of that day (+01:00 in winter, +02:00 in summer).
 * A date without a time of day becomes midnight, Paris time.
 */
import { fold } from './text';

export interface DateParts {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
  /** False when the text gave the day only. */
  hasTime: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

// Every spelling above, longest of each month first (the table's order).
const MONTH_WORD = `(${Object.keys(MONTHS).join('|')})`;
const TIME = '(?:\\s*(?:,|-|a|vers|@)?\\s*(\\d{1,2})\\s*(?:h|:)\\s*(\\d{2})?(?:\\s*(?:min|mn))?)?';
const TEXT_DATE = new RegExp(`(?:^|[^0-9a-z])(1er|\\d{1,2})(?:er)?\\s+${MONTH_WORD}\\.?\\s+(\\d{4})(?![0-9])${TIME}`);
// dd/mm/yyyy, dd/mm/yy, dd.mm.yyyy — never dd.mm.yy, which reads like a version number ("1.2.10").
const NUMERIC_DATE = new RegExp(`(?:^|[^0-9/.])(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![0-9/.])${TIME}`);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function valid(p: DateParts): DateParts | null {
  if (p.y < 1990 || p.y > 2100 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysIn(p.y, p.mo)) return null;
  if (p.h > 23 || p.mi > 59 || p.s > 59) return null;
  return p;
}

function timeParts(hour: string | undefined, minute: string | undefined) {
  if (hour === undefined) return { h: 0, mi: 0, hasTime: false };
  return { h: Number(hour), mi: minute === undefined ? 0 : Number(minute), hasTime: true };
}

/** The first French date in `text` (at most the first 400 characters are read), or null. */
export function parseFrenchDate(text: string): DateParts | null {
  const folded = fold(text.slice(0, 400));
  const word = TEXT_DATE.exec(folded);
  if (word) {
    const day = word[1] === '1er' ? 1 : Number(word[1]);
    const month = MONTHS[word[2] ?? ''] ?? 0;
    const parts = valid({ y: Number(word[3]), mo: month, d: day, s: 0, ...timeParts(word[4], word[5]) });
    if (parts) return parts;
  }
  const numeric = NUMERIC_DATE.exec(folded);
  if (numeric) {
    const [, day, separator, month, yearText = '', hour, minute] = numeric;
    if (separator === '.' && yearText.length === 2) return null;
    let year = Number(yearText);
    if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
    return valid({ y: year, mo: Number(month), d: Number(day), s: 0, ...timeParts(hour, minute) });
  }
  return null;
}

/** Offset of Europe/Paris in hours for a wall-clock time (EU rules: last Sundays of March and October). */
export function parisOffset(y: number, mo: number, d: number, h = 12): 1 | 2 {
  if (mo < 3 || mo > 10) return 1;
  if (mo > 3 && mo < 10) return 2;
  const last = new Date(Date.UTC(y, mo, 0));
  const lastSunday = last.getUTCDate() - last.getUTCDay();
  if (mo === 3) return d > lastSunday || (d === lastSunday && h >= 2) ? 2 : 1;
  return d < lastSunday || (d === lastSunday && h < 3) ? 2 : 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the Paris offset of that wall-clock time. */
export function toParisIso(p: DateParts): string {
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+0${parisOffset(p.y, p.mo, p.d, p.h)}:00`;
}

/** A UTC instant shown as Paris wall-clock time. */
function parisPartsOfInstant(ms: number): DateParts | null {
  if (!Number.isFinite(ms)) return null;
  const winter = new Date(ms + 3_600_000);
  const y = winter.getUTCFullYear();
  const mo = winter.getUTCMonth() + 1;
  const d = winter.getUTCDate();
  const offset = parisOffset(y, mo, d, winter.getUTCHours());
  const local = new Date(ms + offset * 3_600_000);
  return valid({
    y: local.getUTCFullYear(),
    mo: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    h: local.getUTCHours(),
    mi: local.getUTCMinutes(),
    s: local.getUTCSeconds(),
    hasTime: true,
  });
}

/** ISO-ish machine dates (time[datetime], JSON-LD, article:published_time, abbr title). */
export function parseMachineDate(text: string): DateParts | null {
  const match = ISO_DATE.exec(text.trim().slice(0, 64));
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const wall = { y: Number(y), mo: Number(mo), d: Number(d), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0), hasTime: h !== undefined };
  if (!valid(wall)) return null;
  if (!zone) return wall;
  const sign = zone.toUpperCase() === 'Z' ? 0 : zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^0-9]/g, '');
  const offsetMin = sign * (Number(digits.slice(0, 2) || 0) * 60 + Number(digits.slice(2, 4) || 0));
  const ms = Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s) - offsetMin * 60_000;
  return parisPartsOfInstant(ms);
}

/** Either kind of date, machine form first. */
export function parseAnyDate(text: string): DateParts | null {
  return parseMachineDate(text) ?? parseFrenchDate(text);
}

/** Month and year of a date-archive heading ("mars 2010", "Archives de janv. 2005"). */
export function parseFrenchMonth(text: string): { y: number; mo: number } | null {
  const match = new RegExp(`(?:^|[^a-z])${MONTH_WORD}\\.?\\s+(\\d{4})(?![0-9])`).exec(fold(text.slice(0, 300)));
  if (!match) return null;
  const mo = MONTHS[match[1] ?? ''] ?? 0;
  const y = Number(match[2]);
  return mo && y >= 1990 && y <= 2100 ? { y, mo } : null;
}
