/** test/sites/bom-crlf/: a file saved by a Windows editor, with a byte-order mark and CRLF line endings, simply works. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { makeFixtureProject, makeProject, readTree, removeProject, SITES } from '../helpers/project.js';

describe('a release with a byte-order mark and CRLF line endings', () => {
  const roots: string[] = [];
  let windows: { problems: string[]; tree: Map<string, string> };
  let unix: { problems: string[]; tree: Map<string, string> };
  const buildAt = async (root: string) => {
    roots.push(root);
    const result = await build({ root });
    assert.equal(result.ok, true, result.problems.map(formatProblem).join('\n'));
    return { problems: result.problems.map(formatProblem), tree: await readTree(path.join(root, 'public')) };
  };
  before(async () => {
    const bytes = await readFile(path.join(SITES, 'bom-crlf/seeds/windows.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture starts with a byte-order mark');
    assert.ok(bytes.includes('\r\n'), 'the fixture has CRLF line endings');
    windows = await buildAt(await makeFixtureProject('bom-crlf'));
    const plain = bytes.subarray(3).toString('utf8').replace(/\r\n/g, '\n');
    unix = await buildAt(await makeProject({ 'seeds/windows.md': plain }));
  });
  after(() => Promise.all(roots.map(removeProject)));

  it('builds the same site as the same file saved with LF endings and no mark', () => {
    assert.deepEqual(windows.tree, unix.tree);
    assert.match(windows.tree.get('release/windows/index.html') ?? '', /<h1>Minister announces funding<\/h1>/);
  });

  it('reports problems on the same lines', () => {
    assert.deepEqual(windows.problems, [
      'seeds/windows.md:6 warning: sumary: unknown key is ignored; did you mean "summary"?',
      'seeds/windows.md:11 warning: raw HTML "</b>" is removed from the page for safety; write it in Markdown instead',
      'seeds/windows.md:11 warning: raw HTML "<b>" is removed from the page for safety; write it in Markdown instead',
    ]);
    assert.deepEqual(windows.problems, unix.problems);
  });
});
