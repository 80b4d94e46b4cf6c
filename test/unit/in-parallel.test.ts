import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapInParallel } from '../../src/in-parallel.js';

describe('mapInParallel', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapInParallel(
      Array.from({ length: 50 }, (_, i) => i),
      async (i) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return i * 2;
      },
      4,
    );
    assert.deepEqual(results, Array.from({ length: 50 }, (_, i) => i * 2));
    assert.equal(most, 4);
  });

  it('starts nothing after a failure and throws it only once every started item has stopped', async () => {
    const started: number[] = [];
    let stillRunning = 0;
    await assert.rejects(
      mapInParallel(
        Array.from({ length: 20 }, (_, i) => i),
        async (i) => {
          started.push(i);
          stillRunning++;
          await new Promise((resolve) => setImmediate(resolve));
          stillRunning--;
          if (i === 2) throw new Error('item 2 failed');
        },
        3,
      ),
      /item 2 failed/,
    );
    assert.equal(stillRunning, 0);
    assert.ok(started.length < 20, `started ${started.length} items`);
  });
});
