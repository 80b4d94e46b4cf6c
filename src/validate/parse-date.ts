/** Release dates as calendar dates in the site's time zone, checked by hand so no impossible date rolls over. */
import type { IsoDate } from '../types.js';

/** The calendar date, or what is wrong with the text. */
export type ParsedDate = { ok: true; date: IsoDate } | { ok: false; message: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?[ ]?(Z|[+-]\d{2}:?\d{2})?$/;
const EXPECTED = 'expected a date such as 2024-07-12, or a date and time with its offset such as 2024-07-12T14:30:00+12:00';

/**
 * A bare date is taken as written. A date-time is an instant, so it needs an offset; its date is the calendar date
 * it falls on in `timeZone`, whatever the time zone of the machine that builds.
 */
export function parseReleaseDate(text: string, timeZone: string): ParsedDate {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [, year, month, day] = dateOnly as unknown as [string, string, string, string];
    const impossible = checkCalendarDate(Number(year), Number(month), Number(day));
    return impossible ? { ok: false, message: `"${value}" is not a real date: ${impossible}` } : { ok: true, date: value as IsoDate };
  }
  const dateTime = DATE_TIME.exec(value);
  if (!dateTime) return { ok: false, message: `${EXPECTED}; got "${value}"` };
  const [, y, mo, d, h, mi, s, offset] = dateTime;
  const impossible =
    checkCalendarDate(Number(y), Number(mo), Number(d)) ?? checkTime(Number(h), Number(mi), Number(s ?? 0));
  if (impossible) return { ok: false, message: `"${value}" is not a real date and time: ${impossible}` };
  if (offset === undefined) {
    return { ok: false, message: `"${value}" has a time but no offset, so the day it falls on is unclear; add one (such as +12:00 or Z), or give just the date` };
  }
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === undefined) return { ok: false, message: `"${offset}" is not a time zone offset; expected one such as +12:00, -05:00 or Z` };
  const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - offsetMinutes * 60_000;
  return { ok: true, date: calendarDateIn(instant, timeZone) };
}

/** The calendar date an instant falls on in a time zone. */
export function calendarDateIn(instant: number, timeZone: string): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}` as IsoDate;
}

/** Why a year, month and day do not make a date, or undefined when they do. */
export function checkCalendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000) return 'the year must have four digits';
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `month ${month} of ${year} has ${days} days`;
  return undefined;
}

export function checkTime(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23) return 'the hour must be 00 to 23';
  if (minute > 59) return 'the minutes must be 00 to 59';
  if (second > 59) return 'the seconds must be 00 to 59';
  return undefined;
}

export function parseOffset(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
