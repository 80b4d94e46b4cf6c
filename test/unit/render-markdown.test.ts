import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem } from '../../src/problems.js';
import { cutAtWord, EXCERPT_LENGTH, MAX_BRACKETS, MAX_NESTING, renderMarkdown } from '../../src/render/render-markdown.js';

const render = (body: string, bodyLine = 10) => {
  const rendered = renderMarkdown({ file: 'seeds/a.md', body, bodyLine });
  return { ...rendered, report: rendered.problems.map(formatProblem) };
};

describe('renderMarkdown: CommonMark with GitHub tables, strikethrough and autolinks', () => {
  it('renders tables, strikethrough and bare links', () => {
    const { html, report } = render('| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ new at https://www.beehive.govt.nz/x.\n');
    assert.deepEqual(report, []);
    assert.match(html!, /<table>[\s\S]*<th>a<\/th>[\s\S]*<td align="right">2<\/td>[\s\S]*<\/table>/);
    assert.match(html!, /<del>old<\/del> new at <a href="https:\/\/www\.beehive\.govt\.nz\/x">https:\/\/www\.beehive\.govt\.nz\/x<\/a>\./);
  });

  it('renders emphasis, headings and links', () => {
    assert.equal(render('## Heading\n\nSome **bold** and a [link](https://x.example/).\n').html, '<h2>Heading</h2>\n<p>Some <strong>bold</strong> and a <a href="https://x.example/">link</a>.</p>\n');
  });
});

describe('renderMarkdown: sanitizing', () => {
  it('never lets raw HTML, scripts or event handlers through', () => {
    const { html } = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<p onclick="alert(3)">x</p>\n\nText <b onmouseover="alert(4)">bold</b>.\n');
    assert.doesNotMatch(html!, /<script|onerror|onclick|onmouseover|<img|<b\b|alert/);
  });

  it('drops javascript:, vbscript: and data: addresses from links and images, keeping their text', () => {
    const { html } = render("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](jav&#x61;script:x) [d](vbscript:x) [e](data:text/html,x) ![f](javascript:x)\n\n[g]: javascript:x\n\n[g]\n");
    assert.doesNotMatch(html!, /href=|src=/);
    assert.match(html!, /<a>a<\/a> <a>b<\/a> <a>c<\/a> <a>d<\/a> <a>e<\/a> <img alt="f">/);
  });

  it('keeps http, https, mailto and relative links', () => {
    const { html } = render('[a](https://x.example/) [b](mailto:press@x.example) [c](/release/x/) [d](#top)\n');
    assert.match(html!, /href="https:\/\/x\.example\/"[\s\S]*href="mailto:press@x\.example"[\s\S]*href="\/release\/x\/"[\s\S]*href="#top"/);
  });

  it('warns about each piece of raw HTML on its own file line', () => {
    assert.deepEqual(render('Intro.\n\n<div class="embed">\n<iframe src="https://x.example"></iframe>\n</div>\n\nText <span>inline</span>.\n', 10).report, [
      'seeds/a.md:12 warning: raw HTML "<div class=\\"embed\\"> <iframe src=\\"http..." is removed from the page for safety; write it in Markdown instead',
      'seeds/a.md:16 warning: raw HTML "<span>" is removed from the page for safety; write it in Markdown instead',
      'seeds/a.md:16 warning: raw HTML "</span>" is removed from the page for safety; write it in Markdown instead',
    ]);
  });

  it('does not warn about HTML comments, or about HTML shown as code', () => {
    assert.deepEqual(render('<!-- editor note -->\n\nUse `<b>` or\n\n    <div>code</div>\n').report, []);
  });
});

describe('renderMarkdown: bodies that would make the parser run away', () => {
  for (const [name, body, line] of [
    ['5000 nested quotes', `${'>'.repeat(5000)} deep`, 10],
    ['5000 nested list items on one line', `${'- '.repeat(5000)}deep`, 10],
    ['5000 spaced nested quotes', `Intro.\n\n${'> '.repeat(5000)}deep`, 12],
    ['nested ordered lists', `${'1. '.repeat(3000)}deep`, 10],
    ['lists nested by indentation', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'), 75],
  ] as const) {
    it(`reports ${name} as a problem for the file, on its line`, () => {
      assert.deepEqual(render(body).report, [`seeds/a.md:${line} the body nests quotes or lists more than ${MAX_NESTING} levels deep, which cannot be shown; flatten it`]);
    });
  }

  it('reports tens of thousands of "[" in one paragraph', () => {
    const message = `a paragraph has more than ${MAX_BRACKETS} "[" in it, more than the Markdown parser can match in reasonable time; split it, or write \\[ for a bracket that starts no link`;
    assert.deepEqual(render(`Intro.\n\n${'['.repeat(50_000)}x${']'.repeat(50_000)}`).report, [`seeds/a.md:12 ${message}`]);
    assert.deepEqual(render('[a]('.repeat(20_000)).report, [`seeds/a.md:10 ${message}`]);
  });

  it('still renders realistic nesting and many links', () => {
    assert.deepEqual(render(`${'> '.repeat(MAX_NESTING)}quoted\n\n- a\n  - b\n    - c\n`).report, []);
    assert.deepEqual(render(Array.from({ length: 300 }, (_, i) => `[link ${i}](https://x.example/${i})`).join(' ')).report, []);
  });
});

describe('excerpts', () => {
  it('are the first paragraph as plain text', () => {
    assert.equal(render('# Heading\n\nFirst **bold** [link](https://x.example/) `code`\nline two.\n\nSecond.\n').excerpt, 'First bold link code line two.');
  });

  it('are empty when there is no paragraph', () => {
    assert.equal(render('# Only a heading\n').excerpt, '');
  });

  it('are cut at a word near 200 characters, with an ellipsis', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const excerpt = render(words).excerpt;
    assert.ok(excerpt.endsWith('…'));
    const kept = excerpt.slice(0, -1);
    assert.ok(kept.length <= EXCERPT_LENGTH && kept.length > EXCERPT_LENGTH - 10, `${kept.length} characters`);
    assert.ok(words.startsWith(`${kept} `), 'cut between words');
  });
});

describe('cutAtWord', () => {
  it('leaves short text alone and tidies its spaces', () => {
    assert.equal(cutAtWord('  A short\n summary. '), 'A short summary.');
    assert.equal(cutAtWord('x'.repeat(200)), 'x'.repeat(200));
  });

  it('drops trailing punctuation before the ellipsis', () => {
    assert.equal(cutAtWord('one two, three four', 9), 'one two…');
  });

  it('cuts inside a word only when there is no space in the second half', () => {
    assert.equal(cutAtWord(`a ${'x'.repeat(300)}`, 200), `a ${'x'.repeat(198)}…`);
  });
});
