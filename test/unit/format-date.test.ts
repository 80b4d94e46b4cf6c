import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate } from '../../src/render/format-date.js';
import type { IsoDate } from '../../src/types.js';

describe('formatDate', () => {
  it('writes the day, month name and year from the date itself', () => {
    assert.equal(formatDate('2024-07-12' as IsoDate), '12 July 2024');
    assert.equal(formatDate('2024-01-01' as IsoDate), '1 January 2024');
    assert.equal(formatDate('2023-12-31' as IsoDate), '31 December 2023');
  });
});
