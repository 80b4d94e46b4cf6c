import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressLine } from '../../src/progress-line.js';

/** A progress line on a stand-in terminal: what it wrote, and a clock (ms since the build started) the test moves. */
function onTerminal() {
  const written: string[] = [];
  const clock = { ms: 0 };
  const line = progressLine({ isTTY: true, write: (text) => written.push(text) }, () => clock.ms)!;
  return { written, clock, line };
}

describe('progressLine', () => {
  it('stays quiet when the stream is not a terminal', () => {
    assert.equal(progressLine({ isTTY: false, write: () => assert.fail('wrote') }), undefined);
  });

  it('draws nothing in the first second, then the stage and count, and wipes the line at the end', () => {
    const { written, clock, line } = onTerminal();
    line.update('render', 0, 2000);
    clock.ms = 900;
    line.update('render', 500, 2000);
    assert.deepEqual(written, []);
    clock.ms = 1200;
    line.update('render', 1500, 2000);
    line.update('pages', 0, 2600);
    assert.deepEqual(written, ['\r\x1b[2KRendering releases: 1,500/2,000', '\r\x1b[2KRendering pages: 0/2,600']);
    line.done();
    assert.equal(written.at(-1), '\r\x1b[2K');
  });

  it('names the reading of a large site’s release files, which can last past the first second', () => {
    const { written, clock, line } = onTerminal();
    line.update('read', 0, 71000);
    clock.ms = 1200;
    line.update('read', 71000, 71000);
    line.update('render', 0, 71000);
    assert.deepEqual(written, ['\r\x1b[2KReading releases: 71,000/71,000', '\r\x1b[2KRendering releases: 0/71,000']);
  });

  it('leaves nothing to wipe when the build ended within a second', () => {
    const { written, line } = onTerminal();
    line.update('write', 0, 10);
    line.done();
    assert.deepEqual(written, []);
  });
});
