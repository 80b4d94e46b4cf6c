import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';

describe('a basic site', () => {
  let root: string;
  let tree: Map<string, string>;
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ url: 'https://www.beehive.govt.nz/release/first-thing' }),
      'seeds/b.md': release({ title: '"Second thing"', date: '2024-08-01', ministers: '\n  - Rt Hon Jane Example\n  - Hon Tama Whānau', portfolios: '\n  - Whānau Ora' }),
    });
    const result = await build({ root });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    tree = await readTree(path.join(root, 'public'));
  });
  after(() => removeProject(root));

  it('writes a page per release at /<type>/<slug>/', () => {
    assert.ok(tree.has('release/first-thing/index.html'));
    assert.ok(tree.has('release/b/index.html'));
  });

  it('keys ministers by name without honorifics and shows the newest form of the name', () => {
    const page = tree.get('minister/jane-example/index.html') ?? '';
    assert.match(page, /<h1>Rt Hon Jane Example/);
    assert.ok(tree.has('minister/tama-whanau/index.html'));
    assert.ok(tree.has('portfolio/whanau-ora/index.html'));
  });
});
