/** The writer: a staging folder swapped in whole, so a write that fails part-way leaves the old output untouched. */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStaging, safeJoin, writeSite } from '../../src/write/write-site.js';
import { makeProject, readTreeBytes, removeProject } from '../helpers/project.js';

describe('writeSite', () => {
  let root: string;
  let out: string;
  before(async () => {
    root = await makeProject({});
    out = path.join(root, 'public');
    await writeSite(out, [{ path: 'index.html', content: 'old home' }, { path: 'release/a/index.html', content: 'old a' }]);
  });
  after(() => removeProject(root));

  it('replaces the folder whole', async () => {
    await writeSite(out, [{ path: 'index.html', content: 'new home' }, { path: 'assets/x.css', content: new Uint8Array([1, 2]) }]);
    const tree = await readTreeBytes(out);
    assert.deepEqual([...tree.keys()], ['assets/x.css', 'index.html']);
    assert.equal(tree.get('index.html')?.toString(), 'new home');
  });

  it('leaves the folder as it was, and no staging folder, when a write fails part-way', async () => {
    const before_ = await readTreeBytes(out);
    const files = [...Array.from({ length: 100 }, (_, i) => ({ path: `release/r${i}/index.html`, content: 'x' })), { path: 'release/../../escape.html', content: 'x' }];
    await assert.rejects(writeSite(out, files), /refusing to write outside the output folder: "release\/\.\.\/\.\.\/escape\.html"/);
    assert.deepEqual(await readTreeBytes(out), before_);
    assert.deepEqual((await readdir(root)).filter((name) => name.startsWith('.pressroom-')), []);
  });

  it('swaps in neither the files a build wrote and then forgot (a search index it gave up on), nor their record', async () => {
    const staging = openStaging(out);
    await staging.write([{ path: 'index.html', content: 'home' }, { path: 'pagefind/2024/index/a.pf_index', content: 'i' }]);
    staging.forget(['pagefind/2024/index/a.pf_index']);
    const manifest = await staging.commit();
    assert.deepEqual([...(await readTreeBytes(out)).keys()], ['index.html']);
    assert.deepEqual(await readdir(out), ['index.html'], 'nor the folders they leave empty');
    assert.deepEqual([...manifest.files.keys()], ['index.html']);
  });
});

describe('safeJoin', () => {
  it('joins plain relative paths', () => {
    assert.equal(safeJoin('/out', 'release/a/index.html'), path.join('/out', 'release', 'a', 'index.html'));
  });

  it('refuses every path that could lead outside the folder', () => {
    for (const bad of ['', '../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a/./b', 'a\\..\\b', 'a\0b', 'a/']) {
      assert.throws(() => safeJoin('/out', bad), /refusing to write outside the output folder/, JSON.stringify(bad));
    }
  });
});
