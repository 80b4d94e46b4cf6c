import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { findBrokenLinks, LinkChecker, plainPath } from '../../src/verify/check-links.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, content]) => ({ path, content }));

describe('findBrokenLinks', () => {
  it('accepts links to produced files under the base path, in every form a page writes them', () => {
    const site = files({
      'index.html': '<a href="/news/release/a/">a</a> <a href="release/a/#top">rel</a> <a href="#main">skip</a> <link href="/news/feed.xml"> <img src="/news/assets/x.png">',
      'release/a/index.html': '<a href="../../">home</a> <a href="https://example.test/news/?q=1">abs</a> <a href="mailto:a@b.c">m</a> <a href="https://other.example/x">other</a>',
      'feed.xml': '<link rel="self" href="https://example.test/news/feed.xml"/>',
      'sitemap.xml': '<url><loc>https://example.test/news/release/a/</loc></url>',
      'robots.txt': 'Sitemap: https://example.test/news/sitemap.xml\n',
      'assets/x.png': 'binary-ish',
    });
    assert.deepEqual(findBrokenLinks(site, 'https://example.test/news/'), []);
  });

  it('names the page and the link for each missing target, outside-the-base link and wrong scheme', () => {
    const site = files({
      'index.html': '<a href="/news/release/missing/">x</a> <a href="/release/a/">no base</a> <a href="/news/release/missing/">again</a> <a href="http://example.test/news/">http</a>',
      'release/a/index.html': '<a href="/news/a&amp;b/">amp</a>',
      'sitemap.xml': '<url><loc>https://example.test/news/gone/</loc></url>',
      'robots.txt': 'Sitemap: https://example.test/news/sitemap-missing.xml',
    });
    const broken = findBrokenLinks(site, 'https://example.test/news/').map((b) => `${b.page} ${b.link}: ${b.reason}`);
    assert.deepEqual(broken, [
      'index.html /news/release/missing/: but the build produces no file release/missing/index.html',
      "index.html /release/a/: which is outside the site's base path /news/, so it breaks when the site is deployed there",
      'index.html http://example.test/news/: which uses http: where the site is published on https:',
      'release/a/index.html /news/a&b/: but the build produces no file a&b/index.html',
      'sitemap.xml https://example.test/news/gone/: but the build produces no file gone/index.html',
      'robots.txt https://example.test/news/sitemap-missing.xml: but the build produces no file sitemap-missing.xml',
    ]);
  });
});

describe('plainPath', () => {
  it('gives the path URL parsing would give, or nothing when it might differ', () => {
    const pieces = ['/', '//', 'a', 'Z', '.', '..', '%', '%2e', '%zz', '\\', ' ', '\t', '?', '#', '&', ':', '@', '~', '"', '<', '^', '|', '{', 'é', '—'];
    let state = 3;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let plain = 0;
    for (let n = 0; n < 20000; n++) {
      let link = '/';
      for (let i = Math.floor(next() * 8); i >= 0; i--) link += pieces[Math.floor(next() * pieces.length)];
      const path = plainPath(link);
      if (path === undefined) continue;
      plain++;
      assert.equal(path, new URL(link, 'https://example.test/news/page/').pathname, JSON.stringify(link));
    }
    assert.ok(plain > 1000, 'many generated links take the quick way');
    assert.equal(plainPath('/news/release/a/?q=1#top'), '/news/release/a/');
    for (const link of ['//host/a', '/a/./b', '/a/../b', '/a/%2e%2e/b', '/a\\b', '/a b', 'a/b', '#top']) assert.equal(plainPath(link), undefined, link);
  });
});

describe('LinkChecker', () => {
  it('finds the same broken links checking a site in chunks as all at once, with relative, fragment and entity links', () => {
    const site = files({
      'index.html': '<a href="release/a/">a</a> <a href="release/b/">b</a> <a href="#main">skip</a> <a href="/news/a/./b/">dot</a>',
      'release/a/index.html': '<a href="../../">home</a> <a href="../b/">b</a> <a href="/news/release/a/?x=1&amp;y=2#top">self</a> <a href="/news/release/%zz/">bad</a>',
      'release/c/index.html': '<a href="../b/">b</a> <a href="https://example.test/news/release/c/">self</a> <a href="HTTPS://EXAMPLE.TEST/news/gone/">gone</a>',
    });
    const produced = new Set(site.map((f) => f.path));
    const whole = findBrokenLinks(site, 'https://example.test/news/');
    const checker = new LinkChecker('https://example.test/news/', produced);
    assert.deepEqual([...checker.findBroken(site.slice(0, 1)), ...checker.findBroken(site.slice(1))], whole);
    assert.deepEqual(
      whole.map((b) => `${b.page} ${b.link}: ${b.reason}`),
      [
        'index.html release/b/: but the build produces no file release/b/index.html',
        'index.html /news/a/./b/: but the build produces no file a/b/index.html',
        'release/a/index.html ../b/: but the build produces no file release/b/index.html',
        'release/a/index.html /news/release/%zz/: which has a malformed %-escape',
        'release/c/index.html ../b/: but the build produces no file release/b/index.html',
        'release/c/index.html HTTPS://EXAMPLE.TEST/news/gone/: but the build produces no file gone/index.html',
      ],
    );
  });

  it('lets each page go once it is checked, though it remembers the verdict on every link the page held', () => {
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = vm.runInNewContext('gc') as () => void;
    const checker = new LinkChecker('https://example.test/', new Set(['index.html']));
    const pages = 400;
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let page = 0; page < pages; page++) {
      // A page of 100 KB (two bytes a character) with a link of its own: the memo must not keep the page for the link.
      const content = `<a href="/page/${page}/a-link-of-its-own/">x</a>${'ā'.repeat(50_000)}`;
      assert.equal(checker.findBroken([{ path: `page/${page}/index.html`, content }]).length, 1);
    }
    collectGarbage();
    const grownMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    // Holding the pages would take 40 MB; the verdicts on 400 short links take well under one.
    assert.ok(grownMiB < 8, `the checker grew the heap by ${grownMiB.toFixed(1)} MiB for ${pages} pages`);
  });
});
