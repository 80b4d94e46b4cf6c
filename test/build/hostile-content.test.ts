/**
 * test/sites/hostile-content/: bodies with live code, names and titles full of markup, and addresses that try to climb
 * out of the output folder. Built with the default templates, so it pins their escaping as well as the pipeline's.
 */
import assert from 'node:assert/strict';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../src/pipeline.js';
import { formatProblem } from '../../src/problems.js';
import { makeFixtureProject, readTreeBytes, removeProject } from '../helpers/project.js';

/** Tags that run code or pull in other documents, which no page of ours may hold with content from a release. */
const DANGEROUS_TAGS = new Set(['iframe', 'object', 'embed', 'svg', 'math', 'marquee', 'base', 'form', 'frame', 'frameset', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'background', 'cite']);

/** Every reason a page's markup could run code. Text is escaped, so a "<" can only start a real tag. */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name = '', rest = ''] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/g)) {
    const lower = name.toLowerCase();
    // The design's own search form submits to the site itself; a form anywhere else could harvest what a reader types.
    const ownSearchForm = lower === 'form' && /\saction="\/[^"]*search\/"/.test(rest);
    if (DANGEROUS_TAGS.has(lower) && !ownSearchForm) found.push(`a <${lower}> tag: ${tag}`);
    const attributes = [...rest.matchAll(/([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g)];
    const src = attributes.find(([, attribute]) => attribute?.toLowerCase() === 'src');
    const type = attributes.find(([, attribute]) => attribute?.toLowerCase() === 'type')?.[2]?.replace(/^["']|["']$/g, '');
    // A design may load its own scripts from its assets, and JSON-LD is data that never runs (its escaping is
    // checked below); never an inline script, which is where injected code would be.
    if (lower === 'script' && type !== 'application/ld+json' && !src?.[2]?.replace(/^["']/, '').startsWith('/')) found.push(`an inline script: ${tag}`);
    for (const [, attribute = '', quoted = ''] of attributes) {
      const attr = attribute.toLowerCase();
      if (attr.startsWith('on')) found.push(`an event handler: ${tag}`);
      const value = decodeEntities(quoted.replace(/^["']|["']$/g, '')).replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      if (URL_ATTRIBUTES.has(attr) && /^(javascript|vbscript|data):/.test(value)) found.push(`a ${value.split(':')[0]}: address: ${tag}`);
    }
  }
  return found;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

describe('the hostile-content fixture site', () => {
  let root: string;
  let before_: Map<string, Buffer>;
  let after_: Map<string, Buffer>;
  let pages: Map<string, string>;
  let problems: string[];
  before(async () => {
    // The project sits one folder down, so anything written beside or above the output folder would show up in it.
    root = await makeFixtureProject('hostile-content');
    const project = path.join(root, 'project');
    await mkdir(project);
    for (const entry of ['package.json', 'seeds', 'templates']) await rename(path.join(root, entry), path.join(project, entry));
    before_ = await readTreeBytes(root);
    const result = await build({ root: project, out: 'site/public' });
    problems = result.problems.map(formatProblem);
    assert.equal(result.ok, true, problems.join('\n'));
    after_ = await readTreeBytes(root);
    pages = new Map([...(await readTreeBytes(path.join(project, 'site/public')))].map(([file, bytes]) => [file, bytes.toString('utf8')]));
  });
  after(() => removeProject(root));

  it('writes nothing outside the output folder and its render cache, and leaves the sources untouched', () => {
    const written = [...after_.keys()].filter((file) => !before_.has(file));
    // Besides the output, a build keeps only its render cache, in the project's node_modules/.cache/pressroom/.
    assert.deepEqual(written.filter((file) => !file.startsWith('project/site/public/') && !file.startsWith('project/node_modules/.cache/pressroom/')), []);
    for (const [file, bytes] of before_) assert.ok(after_.get(file)?.equals(bytes), `${file} changed`);
  });

  it('writes only to paths made of slugs, none longer than 100 characters', () => {
    for (const file of pages.keys()) {
      // Pagefind names its own index files by content hash; nothing of a release's goes into those names.
      if (file.startsWith('pagefind/')) continue;
      assert.match(file, /^(?:404\.html|sitemap\.xml|robots\.txt|(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*(?:index\.html|feed\.xml|[a-z0-9-]+\.[0-9a-f]{10}\.[a-z]+))$/, file);
      for (const segment of file.split('/')) assert.ok(segment.length <= 100, `${file}: a segment of ${segment.length} characters`);
    }
  });

  it('turns addresses that try to climb out into plain slugs', () => {
    assert.ok(pages.has('release/etc-passwd/index.html'), '"..%2f..%2fetc%2fpasswd" becomes "etc-passwd"');
    assert.ok(pages.has('feature/etc-passwd/index.html'), '"%2Fetc%2Fpasswd%00" becomes "etc-passwd"');
    assert.ok(pages.has('release/dot-dot-segment/index.html'), 'a last segment of "%2e%2e" falls back to the file name');
    assert.ok(pages.has('release/empty-last-segment/index.html'), 'an empty last segment falls back to the file name');
    assert.ok(pages.has(`release/${'a'.repeat(100)}/index.html`), 'an over-long segment is cut to 100 characters');
  });

  it('lets no live code into any page', () => {
    for (const [file, html] of pages) {
      if (file.endsWith('.html')) assert.deepEqual(unsafeMarkup(html), [], file);
    }
  });

  it('keeps JSON-LD blocks closed and parseable, whatever a title says', () => {
    for (const [file, html] of pages) {
      for (const [, json = ''] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        assert.doesNotMatch(json, /</, `${file}: a raw "<" inside JSON-LD could close the block`);
        assert.doesNotThrow(() => JSON.parse(json), file);
      }
    }
  });

  it('finds live code when it is there, so the scan above can fail', () => {
    assert.deepEqual(unsafeMarkup('<p>x</p><script>alert(1)</script><a href=" jav&#x61;script:x">y</a><img src=x onerror=y><iframe>'), [
      'an inline script: <script>',
      'a javascript: address: <a href=" jav&#x61;script:x">',
      'an event handler: <img src=x onerror=y>',
      'a <iframe> tag: <iframe>',
    ]);
  });

  it('keeps the text of Markdown links whose javascript:, vbscript: and data: addresses are dropped', () => {
    const page = pages.get('release/live-code/index.html') ?? '';
    for (const text of ['a Markdown link', 'upper case', 'entity encoded', 'vbscript', 'data']) assert.ok(page.includes(`<a>${text}</a>`), text);
    assert.ok(!/alert\('(?:script|img|div|a)'\)/.test(page), 'the raw HTML payloads are removed, not shown');
  });

  it('escapes titles, names, portfolios, summaries and places everywhere they appear, attributes included', () => {
    const page = pages.get('release/escaping/index.html') ?? '';
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const title = `<script>alert('title')</script> & "quoted" <b>bold</b>`;
    const minister = `Hon <img src=x onerror=alert('minister')> "Quote" O'Brien & Co`;
    const portfolio = `<svg onload=alert('portfolio')> & "Arts"`;
    for (const text of [title, minister, portfolio, `<marquee>Hall</marquee> & "Chamber"`]) {
      assert.ok(page.includes(escaped(text)), `the page shows ${text} escaped`);
    }
    const summary = `"><script>alert('summary')</script><a href="javascript:alert('summary')">`;
    const home = pages.get('index.html') ?? '';
    assert.ok(home.includes(escaped(summary)), 'the listing shows the summary escaped');
    for (const html of pages.values()) {
      for (const raw of [title, minister, portfolio, summary]) assert.ok(!html.includes(raw), `${raw} appears unescaped`);
    }
  });

  it('warns about each piece of raw HTML on the line it is on', () => {
    assert.deepEqual(problems, [
      `seeds/live-code.md:9 warning: raw HTML "<script>alert('script')</script>" is removed from the page for safety; write it in Markdown instead`,
      `seeds/live-code.md:11 warning: raw HTML "</a>" is removed from the page for safety; write it in Markdown instead`,
      `seeds/live-code.md:11 warning: raw HTML "<a href=\\"javascript:alert('a')\\">" is removed from the page for safety; write it in Markdown instead`,
      `seeds/live-code.md:11 warning: raw HTML "<img src=\\"x\\" onerror=\\"alert('img')\\">" is removed from the page for safety; write it in Markdown instead`,
      `seeds/live-code.md:13 warning: raw HTML "<div onclick=\\"alert('div')\\">A block w..." is removed from the page for safety; write it in Markdown instead`,
      `seeds/live-code.md:15 warning: raw HTML "<iframe src=\\"https://evil.example/\\"><..." is removed from the page for safety; write it in Markdown instead`,
    ]);
  });
});
