import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, makeProject, release, removeProject } from '../helpers/project.js';
import { serveFolder, type TestServer } from '../helpers/static-server.js';

const BASE = 'https://example.test/news/';

/** Every link an HTML, Atom, sitemap or robots file holds, as written. */
function linksOf(text: string): string[] {
  const attributes = [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
  const locs = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
  const sitemaps = [...text.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1] ?? '');
  return [...attributes, ...locs, ...sitemaps].map((link) => link.replace(/&amp;/g, '&'));
}

describe('a site built for a subfolder (--base-url https://example.test/news/)', () => {
  let root: string;
  let server: TestServer;
  before(async () => {
    root = await makeProject({
      'seeds/a.md': release({ attachments: '\n  - https://www.example.govt.nz/report.pdf' }),
      'seeds/b.md': release({ title: '"A speech"', date: '2024-08-01', type: 'speech', ministers: '\n  - Hon Tama Whānau' }),
      'seeds/c.md': release({ title: '"Older"', date: '2023-01-01', updated: '2023-02-01', update_note: 'Fixed a date' }),
    });
    const run = spawnSync(process.execPath, [CLI, 'build', '--base-url', BASE, '--now', '2025-01-01T00:00:00Z'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    server = await serveFolder(path.join(root, 'public'), '/news/');
  });
  after(async () => {
    await server?.close();
    await removeProject(root);
  });

  it('is crawled link by link from the home page, feeds, sitemap and robots.txt with no broken link', async () => {
    const origin = new URL(server.url).origin;
    const toServer = (link: string) => (link.startsWith(BASE) ? `${server.url}${link.slice(BASE.length)}` : link);
    const queue = ['', 'robots.txt', 'sitemap.xml', 'feed.xml', '404.html'].map((p) => `${server.url}${p}`);
    const seen = new Set<string>(queue);
    const broken: string[] = [];
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url} → ${response.status}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/html|xml|text\/plain/.test(type)) continue;
      for (const link of linksOf(await response.text())) {
        const target = new URL(toServer(link), url);
        target.hash = '';
        if (target.origin !== origin) {
          assert.ok(!link.startsWith('https://example.test/') || link.startsWith(BASE), `${url} links ${link} outside the base path`);
          continue;
        }
        assert.ok(target.pathname.startsWith('/news/'), `${url} links ${link}, outside /news/`);
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(seen.size > 20, `crawled ${seen.size} addresses`);
    for (const expected of ['feed.xml', 'speech/feed.xml', 'minister/tama-whanau/feed.xml', 'release/c/', 'sitemap.xml']) {
      assert.ok(seen.has(`${server.url}${expected}`), `reached ${expected}`);
    }
  });

  it('puts the base path in canonical links, feeds and the sitemap', async () => {
    const home = await (await fetch(server.url)).text();
    assert.match(home, /<link rel="canonical" href="https:\/\/example.test\/news\/">/);
    assert.match(home, /href="\/news\/feed.xml"/);
    const feed = await (await fetch(`${server.url}feed.xml`)).text();
    assert.match(feed, /<link rel="self" type="application\/atom\+xml" href="https:\/\/example.test\/news\/feed.xml"\/>/);
  });
});
