/** Dates for people: "12 July 2024", from the calendar date's own digits, so no time zone can move it. */
import type { IsoDate } from '../types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-07-12" → "12 July 2024". */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}
