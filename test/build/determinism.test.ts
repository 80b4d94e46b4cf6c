/** The same input gives byte-identical output, whatever order the file system lists the files in. */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTreeBytes, removeProject, REPO_ROOT } from '../helpers/project.js';

describe('two builds of the shipped seeds', () => {
  const roots: string[] = [];
  const trees: Map<string, Buffer>[] = [];
  before(async () => {
    const names = (await readdir(path.join(REPO_ROOT, 'seeds'))).filter((name) => name.endsWith('.md')).sort();
    const files = await Promise.all(names.map(async (name) => [`seeds/${name}`, await readFile(path.join(REPO_ROOT, 'seeds', name))] as const));
    // The second project's files are created in reverse order, so a build that trusted readdir's order would differ.
    for (const ordered of [files, [...files].reverse()]) {
      const root = await makeProject(Object.fromEntries(ordered));
      roots.push(root);
      const result = await build({ root });
      assert.equal(result.ok, true);
      trees.push(await readTreeBytes(path.join(root, 'public')));
    }
  });
  after(() => Promise.all(roots.map(removeProject)));

  it('are byte-identical', () => {
    assert.ok(trees[0]!.has('release/prime-minister-leads-indo-pacific-four-nato/index.html'), 'the real seed keeps its original path');
    assert.deepEqual(trees[1], trees[0]);
  });
});
