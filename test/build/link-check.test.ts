import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { makeProject, release, removeProject } from '../helpers/project.js';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('the link check on every build', () => {
  const roots: string[] = [];
  after(() => Promise.all(roots.map(removeProject)));

  it('fails the build, writing nothing, when a release body links a page that is not built', async () => {
    const root = await makeProject({ 'seeds/a.md': release({}, 'See [the plan](/release/no-such-plan/) and [elsewhere](https://example.org/x).\n') });
    roots.push(root);
    const result = await build({ root, now: NOW });
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(formatProblem), [
      'public/release/a/index.html links to "/release/no-such-plan/", but the build produces no file release/no-such-plan/index.html; fix the link, or the template or release that writes it',
    ]);
    assert.equal(existsSync(path.join(root, 'public')), false);
  });

  it('names a template link that misses the base path, on every page that carries it', async () => {
    const root = await makeProject({ 'seeds/a.md': release() }, { settings: { title: 'T', baseUrl: 'https://example.test/news/' } });
    roots.push(root);
    const layout = path.join(root, 'templates/layout.eta');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<main id="main"', '<a href="/archive/">Archive</a><main id="main"'));
    const result = await build({ root, now: NOW, out: 'site' });
    assert.equal(result.ok, false);
    const onRelease = result.problems.find((p) => p.file === 'site/release/a/index.html');
    assert.equal(onRelease?.message, 'links to "/archive/", which is outside the site\'s base path /news/, so it breaks when the site is deployed there; fix the link, or the template or release that writes it');
    assert.ok(result.problems.length > 5 && result.problems.every((p) => p.severity === 'error' && p.message.startsWith('links to "/archive/"')));
  });

  it('reports every broken link even when there are hundreds of thousands', async () => {
    const root = await makeProject({ 'seeds/a.md': release() });
    roots.push(root);
    // A template mistake in a large archive: more problems than a spread into push can take (about 120,000).
    const layout = path.join(root, 'templates/layout.eta');
    const links = '<% for (let i = 0; i < 20000; i++) { %><a href="/nowhere/<%= i %>/">x</a><% } %>';
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<main id="main"', `${links}<main id="main"`));
    const result = await build({ root, now: NOW });
    assert.equal(result.ok, false);
    const pages = new Set(result.problems.map((p) => p.file));
    assert.ok(pages.size > 10, `${pages.size} pages`);
    assert.equal(result.problems.length, pages.size * 20000);
    assert.equal(existsSync(path.join(root, 'public')), false);
  });
});
