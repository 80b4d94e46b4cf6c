import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupBy } from '../../src/group-by.js';

describe('groupBy', () => {
  it('keeps the items in order within each group and the groups in the order their keys first appear', () => {
    const grouped = groupBy(['2024/a', '2023/b', '2024/c', 'runtime', '2023/d'], (item) => (item.includes('/') ? item.slice(0, 4) : undefined));
    assert.deepEqual([...grouped], [['2024', ['2024/a', '2024/c']], ['2023', ['2023/b', '2023/d']]]);
  });
});
