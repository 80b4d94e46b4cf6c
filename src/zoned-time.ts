/** Instants and wall-clock times in a named time zone, worked out with Intl so the builder's own zone never matters. */

// Per zone: the formatter that writes its offsets, and the offsets met so far by whole second (ms). Each date's start
// of day asks for offsets a day either side of it, which the neighbouring dates ask for too: remembering them cut the
// calls into Intl from 5 a date to about 2.
const zones = new Map<string, { formatter: Intl.DateTimeFormat; offsets: Map<number, number> }>();

/** Minutes the zone is ahead of UTC at an instant (+720 for Auckland in winter). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const second = Math.floor(instant / 1000) * 1000;
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = { formatter: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' }), offsets: new Map() };
    zones.set(timeZone, zone);
  }
  let offset = zone.offsets.get(second);
  if (offset === undefined) {
    offset = readOffset(zone.formatter.format(second), timeZone);
    zone.offsets.set(second, offset);
  }
  return offset;
}

// "GMT+12:00", "GMT-03:30", "GMT+11:39:04" (a local mean time) or "GMT" / "GMT+00:00" for UTC.
const GMT_OFFSET = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/;

// Intl writes the offset itself as "longOffset": read from format(), that is a quarter of the time of working it out
// from formatToParts' wall-clock parts, which allocates an object a part.
function readOffset(text: string, timeZone: string): number {
  const match = GMT_OFFSET.exec(text);
  if (!match) throw new Error(`unexpected time zone offset "${text}" for ${timeZone}`);
  const [, sign, hours, minutes, seconds] = match;
  if (sign === undefined) return 0;
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds ?? 0));
  return Math.round(offsetSeconds / 60);
}

/**
 * The instant a wall-clock time (given as if it were UTC, in ms) happens in the zone. In the hour skipped when clocks
 * go forward it lands just after the change; in the hour repeated when they go back it takes the first.
 */
export function instantOfWallTime(wallAsUtc: number, timeZone: string): number {
  const DAY = 86_400_000;
  const before = offsetMinutesAt(wallAsUtc - DAY, timeZone);
  const after = offsetMinutesAt(wallAsUtc + DAY, timeZone);
  const fits = [before, after]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => wallAsUtc - offsetMinutesAt(instant, timeZone) * 60_000 === instant);
  return fits.length > 0 ? Math.min(...fits) : wallAsUtc - before * 60_000;
}

/** "2024-07-12" → "2024-07-12T00:00:00+12:00": the start of that day in the zone, as RFC 3339 text for feeds. */
export function startOfDay(date: string, timeZone: string): string {
  const key = `${timeZone} ${date}`;
  let text = daysStarts.get(key);
  if (text === undefined) {
    text = computeStartOfDay(date, timeZone);
    daysStarts.set(key, text);
  }
  return text;
}

// A site has a few thousand dates at most, each asked for by its page, its JSON-LD and every feed it is in.
const daysStarts = new Map<string, string>();

function computeStartOfDay(date: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Written from the instant, not as midnight: where clocks go forward at midnight (São Paulo until 2019), the day
  // starts at 01:00, and midnight with that day's offset would name an instant on the day before.
  return formatInstant(instantOfWallTime(Date.UTC(year, month - 1, day), timeZone), timeZone);
}

/** An instant as RFC 3339 text in the zone, with its offset ("2024-07-12T06:00:00+12:00"). */
export function formatInstant(instant: number, timeZone: string): string {
  const offset = offsetMinutesAt(instant, timeZone);
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}${formatOffset(offset)}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
