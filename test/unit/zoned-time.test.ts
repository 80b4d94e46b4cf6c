import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstant } from '../../src/validate/parse-instant.js';
import { formatInstant, offsetMinutesAt, startOfDay } from '../../src/zoned-time.js';

const AKL = 'Pacific/Auckland';
const local = (text: string) => {
  const parsed = parseInstant(text, AKL);
  assert.ok(parsed.ok, text);
  return new Date(parsed.instant).toISOString();
};

describe('zoned time', () => {
  it('reads a local embargo time with the offset in force on that day', () => {
    assert.equal(local('2024-07-13T06:00'), '2024-07-12T18:00:00.000Z');
    assert.equal(local('2024-01-13T06:00'), '2024-01-12T17:00:00.000Z');
    assert.equal(local('2024-07-13T06:00:00Z'), '2024-07-13T06:00:00.000Z');
  });

  it('takes the first of a repeated hour and lands after a skipped one', () => {
    assert.equal(local('2024-04-07T02:30'), '2024-04-06T13:30:00.000Z');
    assert.equal(local('2024-09-29T02:30'), '2024-09-28T14:30:00.000Z');
  });

  it('writes the start of a day and an instant with the zone offset', () => {
    assert.equal(startOfDay('2024-07-12', AKL), '2024-07-12T00:00:00+12:00');
    assert.equal(startOfDay('2024-12-25', AKL), '2024-12-25T00:00:00+13:00');
    assert.equal(startOfDay('2024-12-25', 'UTC'), '2024-12-25T00:00:00Z');
    assert.equal(formatInstant(Date.parse('2024-07-12T18:00:00Z'), AKL), '2024-07-13T06:00:00+12:00');
  });

  it('starts a day whose midnight was skipped at the first instant that day had', () => {
    assert.equal(startOfDay('2018-11-04', 'America/Sao_Paulo'), '2018-11-04T01:00:00-02:00');
    assert.equal(startOfDay('2018-11-05', 'America/Sao_Paulo'), '2018-11-05T00:00:00-02:00');
    assert.equal(startOfDay('2024-10-06', 'Australia/Lord_Howe'), '2024-10-06T00:00:00+10:30');
  });

  it('rounds an offset in seconds, as local mean time had, to the nearest minute', () => {
    // Local mean time in El Aaiún was 52 min 48 s behind UTC; in Bangui 13 min 35 s ahead.
    assert.equal(offsetMinutesAt(Date.UTC(1850, 6, 1), 'Africa/El_Aaiun'), -53);
    assert.equal(offsetMinutesAt(Date.UTC(1850, 6, 1), 'Africa/Bangui'), 14);
    assert.equal(offsetMinutesAt(Date.UTC(2024, 6, 1), 'UTC'), 0);
  });
});
