/**
 * Whether a front-matter value reads as a date. Accepts what real content folders
 * hold: ISO 8601 and its space-separated variant (`2025-09-04 02:07:53 +0000`),
 * `2025/09/04`, `2025年9月4日`, RFC 2822, and English month names (`April 30, 2017`).
 * Rejects impossible values such as month 0 or hour 25.
 */
const ISO = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?$/i;
const JAPANESE = /^(\d{4})年\s*(\d{1,2})月(?:\s*(\d{1,2})日)?(?:\s*(?:\([^)]*\)|（[^）]*）))?(?:\s*(\d{1,2})[:時](\d{2})(?:[:分](\d{2})秒?)?)?\s*$/;
const MONTHS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;

export function isDateValue(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'object' && value !== null && 'toISOString' in value) return true; // TOML dates
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '') return false;
  const parts = ISO.exec(text) ?? JAPANESE.exec(text);
  if (parts) {
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => (p === undefined ? undefined : Number(p)));
    return validParts(year!, month!, day, hour, minute, second);
  }
  if (MONTHS.test(text)) {
    const time = Date.parse(text.replace(/(\d)(st|nd|rd|th)\b/, '$1'));
    if (Number.isNaN(time)) return false;
    const day = /\b(\d{1,2})\b(?!:)/.exec(text.replace(/\b\d{4}\b/, ''));
    return !day || Number(day[1]) >= 1 && Number(day[1]) <= 31;
  }
  return false;
}

function validParts(year: number, month: number, day?: number, hour?: number, minute?: number, second?: number): boolean {
  if (month < 1 || month > 12 || year < 1000) return false;
  if (day !== undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return false;
  }
  if (hour !== undefined && (hour > 24 || minute! > 59 || (second ?? 0) > 60)) return false;
  return true;
}

/** The time a date value stands for (ms since epoch, UTC), or null when it is not a date. */
export function parseDateValue(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'object' && value !== null && 'toISOString' in value) return Date.parse(String((value as { toISOString(): string }).toISOString()));
  if (typeof value !== 'string' || !isDateValue(value)) return null;
  const text = value.trim();
  const parts = ISO.exec(text) ?? JAPANESE.exec(text);
  if (parts) return Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3] ?? 1));
  const time = Date.parse(text.replace(/(\d)(st|nd|rd|th)\b/, '$1'));
  return Number.isNaN(time) ? null : time;
}
