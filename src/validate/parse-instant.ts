/** Embargo times and `--now`: a date and time that names one instant, with an offset or in the site's time zone. */
import { instantOfWallTime } from '../zoned-time.js';
import { checkCalendarDate, checkTime, DATE_TIME, parseOffset } from './parse-date.js';

/** The instant in ms since 1970 UTC, or what is wrong with the text. */
export type ParsedInstant = { ok: true; instant: number } | { ok: false; message: string };

/** Example shown whenever an instant cannot be read, so every message about one asks for the same thing. */
export const INSTANT_EXAMPLE = 'a date and time such as 2024-07-12T06:00:00+12:00, or 2024-07-12T06:00 for that time in the site\'s time zone';

/** A date-time with an offset is that instant; one without is the wall-clock time in `timeZone`. A bare date is refused. */
export function parseInstant(text: string, timeZone: string): ParsedInstant {
  const value = text.trim();
  const match = DATE_TIME.exec(value);
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}$/.test(value) ? '; a date alone does not say when in the day, so add the time' : '';
    return { ok: false, message: `expected ${INSTANT_EXAMPLE}; got "${value}"${hint}` };
  }
  const [, y, mo, d, h, mi, s, offset] = match;
  const impossible = checkCalendarDate(Number(y), Number(mo), Number(d)) ?? checkTime(Number(h), Number(mi), Number(s ?? 0));
  if (impossible) return { ok: false, message: `"${value}" is not a real date and time: ${impossible}` };
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (offset === undefined) return { ok: true, instant: instantOfWallTime(wall, timeZone) };
  const minutes = parseOffset(offset);
  if (minutes === undefined) return { ok: false, message: `"${offset}" is not a time zone offset; expected one such as +12:00, -05:00 or Z` };
  return { ok: true, instant: wall - minutes * 60_000 };
}
