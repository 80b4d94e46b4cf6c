import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBrokenLinks } from '../../src/verify/check-links.js';

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
