import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateIn, checkCalendarDate, parseReleaseDate } from '../../src/validate/parse-date.js';

const AUCKLAND = 'Pacific/Auckland';
const ok = (date: string) => ({ ok: true, date });

describe('parseReleaseDate', () => {
  it('takes a calendar date as written', () => {
    assert.deepEqual(parseReleaseDate('2024-07-12', AUCKLAND), ok('2024-07-12'));
    assert.deepEqual(parseReleaseDate(' 2024-02-29 ', AUCKLAND), ok('2024-02-29'));
  });

  it('refuses impossible dates instead of rolling them over', () => {
    assert.deepEqual(parseReleaseDate('2024-02-30', AUCKLAND), { ok: false, message: '"2024-02-30" is not a real date: month 2 of 2024 has 29 days' });
    assert.deepEqual(parseReleaseDate('2023-02-29', AUCKLAND), { ok: false, message: '"2023-02-29" is not a real date: month 2 of 2023 has 28 days' });
    assert.deepEqual(parseReleaseDate('2024-13-01', AUCKLAND), { ok: false, message: '"2024-13-01" is not a real date: there is no month 13' });
    assert.deepEqual(parseReleaseDate('2024-00-10', AUCKLAND), { ok: false, message: '"2024-00-10" is not a real date: there is no month 0' });
    assert.deepEqual(parseReleaseDate('2024-04-31', AUCKLAND), { ok: false, message: '"2024-04-31" is not a real date: month 4 of 2024 has 30 days' });
    assert.deepEqual(parseReleaseDate('0999-01-01', AUCKLAND), { ok: false, message: '"0999-01-01" is not a real date: the year must have four digits' });
  });

  it('dates a date-time by the day it falls on in the site time zone', () => {
    assert.deepEqual(parseReleaseDate('2024-07-12T23:30:00+12:00', AUCKLAND), ok('2024-07-12'));
    assert.deepEqual(parseReleaseDate('2024-07-12T12:30:00Z', AUCKLAND), ok('2024-07-13'));
    assert.deepEqual(parseReleaseDate('2024-07-12T11:59:59Z', AUCKLAND), ok('2024-07-12'));
    assert.deepEqual(parseReleaseDate('2024-12-31T23:59:00-10:00', AUCKLAND), ok('2025-01-01'));
    assert.deepEqual(parseReleaseDate('2024-07-12T12:30:00Z', 'America/Los_Angeles'), ok('2024-07-12'));
  });

  it('follows daylight saving in the site time zone', () => {
    // Auckland is UTC+13 in January: 11:30 UTC is 00:30 the next day there, but 23:30 the same day in July (UTC+12).
    assert.deepEqual(parseReleaseDate('2024-01-15T11:30:00Z', AUCKLAND), ok('2024-01-16'));
    assert.deepEqual(parseReleaseDate('2024-07-15T11:30:00Z', AUCKLAND), ok('2024-07-15'));
  });

  it('accepts a space for T, fractions of a second, and offsets without a colon', () => {
    assert.deepEqual(parseReleaseDate('2024-07-12 09:00+1200', AUCKLAND), ok('2024-07-12'));
    assert.deepEqual(parseReleaseDate('2024-07-12T09:00:00.125+12:00', AUCKLAND), ok('2024-07-12'));
  });

  it('refuses a date-time without an offset', () => {
    assert.deepEqual(parseReleaseDate('2024-07-12T10:30:00', AUCKLAND), {
      ok: false,
      message: '"2024-07-12T10:30:00" has a time but no offset, so the day it falls on is unclear; add one (such as +12:00 or Z), or give just the date',
    });
  });

  it('refuses impossible times and offsets', () => {
    assert.deepEqual(parseReleaseDate('2024-07-12T24:00:00Z', AUCKLAND), { ok: false, message: '"2024-07-12T24:00:00Z" is not a real date and time: the hour must be 00 to 23' });
    assert.deepEqual(parseReleaseDate('2024-07-12T10:60Z', AUCKLAND), { ok: false, message: '"2024-07-12T10:60Z" is not a real date and time: the minutes must be 00 to 59' });
    assert.deepEqual(parseReleaseDate('2024-02-30T10:00Z', AUCKLAND), { ok: false, message: '"2024-02-30T10:00Z" is not a real date and time: month 2 of 2024 has 29 days' });
    assert.deepEqual(parseReleaseDate('2024-07-12T10:00+15:00', AUCKLAND), { ok: false, message: '"+15:00" is not a time zone offset; expected one such as +12:00, -05:00 or Z' });
  });

  it('refuses other shapes and says what is expected', () => {
    for (const text of ['12/07/2024', '2024-7-12', '12 July 2024', '20240712', '']) {
      assert.deepEqual(parseReleaseDate(text, AUCKLAND), {
        ok: false,
        message: `expected a date such as 2024-07-12, or a date and time with its offset such as 2024-07-12T14:30:00+12:00; got "${text}"`,
      });
    }
  });
});

describe('calendarDateIn', () => {
  it('gives the date an instant falls on in a zone, whatever the machine zone', () => {
    const instant = Date.UTC(2024, 6, 12, 10, 30);
    assert.equal(calendarDateIn(instant, 'Pacific/Kiritimati'), '2024-07-13');
    assert.equal(calendarDateIn(instant, 'America/Los_Angeles'), '2024-07-12');
    assert.equal(calendarDateIn(instant, 'UTC'), '2024-07-12');
  });
});

describe('checkCalendarDate', () => {
  it('knows leap years, century rules included', () => {
    assert.equal(checkCalendarDate(2000, 2, 29), undefined);
    assert.equal(checkCalendarDate(1900, 2, 29), 'month 2 of 1900 has 28 days');
    assert.equal(checkCalendarDate(2024, 12, 31), undefined);
    assert.equal(checkCalendarDate(2024, 1, 0), 'month 1 of 2024 has 31 days');
  });
});
