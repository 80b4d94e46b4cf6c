/**
 * test/sites/basic/ has its own small templates, so this golden comparison pins the pipeline (paths, data, escaping,
 * sorting, pagination, asset hashing), not the default design. UPDATE=1 rewrites test/sites/basic/expected/.
 */
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { makeFixtureProject, readTreeBytes, removeProject, SITES, UPDATE_GOLDEN } from '../helpers/project.js';

// Pagefind's index is its own binary format, pinned by the search tests through Pagefind's API, not byte for byte.
const SEARCH_INDEX = 'pagefind';
const withoutSearchIndex = (tree: Map<string, Buffer>) => new Map([...tree].filter(([file]) => !file.startsWith(`${SEARCH_INDEX}/`)));

describe('the basic fixture site', () => {
  const expectedDir = path.join(SITES, 'basic/expected');
  let root: string;
  let actual: Map<string, Buffer>;
  before(async () => {
    root = await makeFixtureProject('basic');
    const result = await build({ root });
    assert.equal(result.ok, true, result.problems.map(formatProblem).join('\n'));
    assert.deepEqual(result.problems, [], 'the basic site has no warnings either');
    if (UPDATE_GOLDEN) {
      await rm(expectedDir, { recursive: true, force: true });
      await cp(path.join(root, 'public'), expectedDir, { recursive: true });
      await rm(path.join(expectedDir, SEARCH_INDEX), { recursive: true, force: true });
    }
    actual = withoutSearchIndex(await readTreeBytes(path.join(root, 'public')));
  });
  after(() => removeProject(root));

  it('writes exactly the expected files', async () => {
    assert.deepEqual([...actual.keys()], [...(await readTreeBytes(expectedDir)).keys()]);
  });

  it('writes every file byte for byte as expected', async () => {
    for (const [file, bytes] of await readTreeBytes(expectedDir)) {
      assert.equal(actual.get(file)?.toString('utf8'), bytes.toString('utf8'), `${file} differs from test/sites/basic/expected/${file}`);
      assert.ok(actual.get(file)?.equals(bytes), `${file} differs in its bytes`);
    }
  });
});
