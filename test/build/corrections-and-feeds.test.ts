import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { makeProject, readTree, release, removeProject } from '../helpers/project.js';
import { jsonLdOf, parseXml, textOf } from '../helpers/xml.js';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('corrections, withdrawals, feeds and metadata', () => {
  let root: string;
  let tree: Map<string, string>;
  before(async () => {
    root = await makeProject({
      'seeds/corrected.md': release({ title: '"Funding </script><script>alert(1)</script> & more"', updated: '2024-07-13', update_note: '"Corrected the funding figure to $5 million."' }),
      'seeds/twice.md': release({ title: '"Twice corrected"', date: '2024-06-01', type: 'speech', delivered_at: '"Parliament"', updates: '\n  - date: 2024-06-20\n    note: Second fix\n  - date: 2024-06-03\n    note: First fix' }),
      'seeds/pulled.md': release({ title: '"Pulled release"', date: '2024-05-01', ministers: '\n  - Hon Pulled Minister', withdrawn: '\n  date: 2024-05-02\n  reason: it announced a decision not yet made' }),
    }, { settings: { title: 'Test Press Office', baseUrl: 'https://news.example.test/', publisher: 'Test Government', feedSize: 1 } });
    const result = await build({ root, now: NOW });
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    tree = await readTree(path.join(root, 'public'));
  });
  after(() => removeProject(root));

  it('shows each correction on the page, oldest first, and sets dateModified to the latest', () => {
    const page = tree.get('speech/twice/index.html') ?? '';
    assert.match(page, /Updated <time datetime="2024-06-03">3 June 2024<\/time>:<\/strong> First fix[\s\S]*Updated <time datetime="2024-06-20">20 June 2024<\/time>:<\/strong> Second fix/);
    const [ld] = jsonLdOf(page);
    assert.equal(ld.datePublished, '2024-06-01T00:00:00+12:00');
    assert.equal(ld.dateModified, '2024-06-20T00:00:00+12:00');
    assert.match(tree.get('release/corrected/index.html') ?? '', /Updated <time datetime="2024-07-13">13 July 2024<\/time>:<\/strong> Corrected the funding figure to \$5 million\./);
  });

  it('gives every release page JSON-LD NewsArticle that parses, whatever is in the title', () => {
    const pages = [...tree.keys()].filter((file) => /^(release|speech)\/[^/]+\/index\.html$/.test(file));
    assert.equal(pages.length, 3);
    for (const file of pages) {
      const html = tree.get(file) ?? '';
      const blocks = jsonLdOf(html);
      assert.equal(blocks.length, 1, file);
      assert.equal(blocks[0]['@type'], 'NewsArticle');
      assert.deepEqual(blocks[0].publisher, { '@type': 'Organization', name: 'Test Government', url: 'https://news.example.test/' });
      assert.equal(blocks[0].author[0]['@type'], 'Person');
      assert.equal((html.match(/<\/script>/g) ?? []).length, 1, `${file}: only the JSON-LD element's own end tag`);
    }
    assert.equal(jsonLdOf(tree.get('release/corrected/index.html') ?? '')[0].headline, 'Funding </script><script>alert(1)</script> & more');
  });

  it('keeps a withdrawn page with a banner and noindex, but lists it nowhere', () => {
    const page = tree.get('release/pulled/index.html') ?? '';
    assert.match(page, /This release was withdrawn on <time datetime="2024-05-02">2 May 2024<\/time><\/strong> because it announced a decision not yet made/);
    assert.match(page, /<meta name="robots" content="noindex">/);
    const elsewhere = [...tree].filter(([file, content]) => file !== 'release/pulled/index.html' && content.includes('release/pulled/')).map(([file]) => file);
    assert.deepEqual(elsewhere, []);
    assert.match(tree.get('minister/pulled-minister/index.html') ?? '', /There are no releases here yet/);
  });

  it('writes valid Atom feeds with every required element, newest feedSize entries, updated from corrections', () => {
    const feeds = [...tree.keys()].filter((file) => file.endsWith('feed.xml'));
    assert.deepEqual(feeds, ['feed.xml', 'minister/jane-example/feed.xml', 'minister/pulled-minister/feed.xml', 'portfolio/finance/feed.xml', 'release/feed.xml', 'speech/feed.xml']);
    for (const file of feeds) {
      const feed = parseXml(tree.get(file) ?? '', file).feed;
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
      assert.equal(textOf(feed.id), `https://news.example.test/${file}`);
      assert.ok(textOf(feed.title).length > 0, `${file} title`);
      assert.match(textOf(feed.updated), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      const rels = Object.fromEntries(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']]));
      assert.equal(rels.self, `https://news.example.test/${file}`);
      assert.match(rels.alternate, /^https:\/\/news\.example\.test\//);
      for (const entry of feed.entry ?? []) {
        for (const element of ['id', 'title', 'updated', 'published', 'summary']) assert.ok(textOf(entry[element]).length > 0, `${file} entry ${element}`);
        assert.ok(entry.author.length > 0 && textOf(entry.author[0].name).length > 0, `${file} entry author`);
        assert.equal(entry.content['@type'], 'html');
        assert.match(textOf(entry.content), /<p>/);
      }
      assert.ok((feed.entry ?? []).length <= 1, `${file} has at most feedSize entries`);
    }
    const site = parseXml(tree.get('feed.xml') ?? '', 'feed.xml').feed;
    assert.equal(textOf(site.entry[0].id), 'https://news.example.test/release/corrected/');
    assert.equal(textOf(site.entry[0].published), '2024-07-12T00:00:00+12:00');
    assert.equal(textOf(site.entry[0].updated), '2024-07-13T00:00:00+12:00');
    assert.equal(textOf(site.updated), '2024-07-13T00:00:00+12:00');
    const speech = parseXml(tree.get('speech/feed.xml') ?? '', 'speech/feed.xml').feed;
    assert.equal(textOf(speech.entry[0].updated), '2024-06-20T00:00:00+12:00');
  });

  it('lists every public page in the sitemap with lastmod from corrections, and robots.txt names it', () => {
    const urls = parseXml(tree.get('sitemap.xml') ?? '', 'sitemap.xml').urlset.url as { loc: string; lastmod?: string }[];
    const lastmod = Object.fromEntries(urls.map((u) => [u.loc, u.lastmod]));
    assert.equal(lastmod['https://news.example.test/release/corrected/'], '2024-07-13');
    assert.equal(lastmod['https://news.example.test/speech/twice/'], '2024-06-20');
    assert.equal(lastmod['https://news.example.test/'], '2024-07-13');
    assert.ok(!('https://news.example.test/release/pulled/' in lastmod));
    assert.ok(!('https://news.example.test/404.html' in lastmod));
    const htmlPages = [...tree.keys()].filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'release/pulled/index.html');
    assert.equal(urls.length, htmlPages.length);
    assert.match(tree.get('robots.txt') ?? '', /^Sitemap: https:\/\/news\.example\.test\/sitemap\.xml$/m);
    assert.match(tree.get('404.html') ?? '', /<meta name="robots" content="noindex">/);
  });

  it('links the relevant feeds and sharing tags from every page head', () => {
    const minister = tree.get('minister/jane-example/index.html') ?? '';
    assert.match(minister, /<link rel="alternate" type="application\/atom\+xml" title="Test Press Office: all releases" href="\/feed.xml">/);
    assert.match(minister, /<link rel="alternate" type="application\/atom\+xml" title="Test Press Office: Hon Jane Example" href="\/minister\/jane-example\/feed.xml">/);
    for (const [file, html] of tree) {
      if (!file.endsWith('.html')) continue;
      assert.match(html, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed.xml">/, file);
      assert.match(html, /<meta property="og:title" content="[^"]+">/, file);
      assert.match(html, /<meta name="twitter:card" content="summary">/, file);
    }
    assert.match(tree.get('speech/twice/index.html') ?? '', /<dd>Parliament<\/dd>/);
  });
});

describe('characters XML forbids, in a body', () => {
  it('are dropped from its page and its feeds alike, so every feed still parses', async () => {
    const root = await makeProject({ 'seeds/bell.md': release({}, 'A bell\u0007 rang and a non-character\uFFFF went by.\n') });
    try {
      const result = await build({ root, now: NOW });
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      const tree = await readTree(path.join(root, 'public'));
      const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
      const page = tree.get('release/bell/index.html') ?? '';
      assert.match(page, /A bell rang and a non-character went by\./);
      assert.doesNotMatch(page, forbidden);
      const feeds = [...tree.keys()].filter((file) => file.endsWith('feed.xml'));
      assert.ok(feeds.length > 0);
      for (const file of feeds) {
        assert.match(textOf(parseXml(tree.get(file) ?? '', file).feed.entry[0].content), /A bell rang and a non-character went by\./, file);
      }
    } finally {
      await removeProject(root);
    }
  });
});
