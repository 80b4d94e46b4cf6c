/** Which files are releases: every *.md below the content folder, recursively, except names starting "_" or ".". */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';

describe('reading the content folder', () => {
  let root: string;
  let files: string[];
  const progress: string[] = [];
  before(async () => {
    root = await makeProject({
      'seeds/top.md': release(),
      'seeds/2024/07/nested.md': release(),
      'seeds/_drafts/draft.md': release(),
      'seeds/_skipped.md': release(),
      'seeds/.hidden.md': release(),
      'seeds/.git/x.md': release(),
      'seeds/notes.txt': 'not a release',
      'seeds/broken-but-ignored.markdown': '',
    });
    const result = await build({ root, progress: (stage, done, total) => progress.push(`${stage} ${done}/${total}`) });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.equal(result.stats.releases, 2);
    files = [...(await readTree(path.join(root, 'public'))).keys()].filter((file) => /^release\/[^/]+\/index\.html$/.test(file));
  });
  after(() => removeProject(root));

  it('builds *.md files at any depth and skips names starting with "_" or "."', () => {
    assert.deepEqual(files, ['release/nested/index.html', 'release/top/index.html']);
  });

  it('reports how many release files there are before reading them, then that they are read', () => {
    assert.deepEqual(progress.slice(0, 3), ['read 0/2', 'read 2/2', 'render 0/2']);
  });
});
