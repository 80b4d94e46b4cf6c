import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { AUTOLINK_PASS, CONSTRUCT_NEEDS, constructNames, processorFor } from '../../src/render/markdown-processor.js';

// The reference: GFM registered whole, as remark-gfm does, with no construct left out and no pass skipped.
const everyConstruct = remark()
  .use(function gfmWhole() {
    const data = this.data();
    data.micromarkExtensions = [gfm()];
    data.fromMarkdownExtensions = gfmFromMarkdown();
  })
  .use(remarkHtml, { sanitize: true })
  .freeze();
const html = (processor: { processSync(body: string): unknown }, body: string) => String(processor.processSync(body));

// Bodies at the edge of each construct: ones that use it, and near misses without its characters.
const EDGES = [
  'Contact press@beehive.example.',
  'Odd but linked: xa.@.co',
  // Character references are decoded after the syntax, so only the tree's own autolink pass can link these.
  'Encoded: &#119;ww.x.example',
  'Encoded: http&#58;//x.example',
  'Encoded: press&#64;x.example',
  'Escaped: www\\.x.example',
  'Escaped: press\\@x.example',
  'Or media.team@x.example.co.nz, but not @handle, a@b or mailto:',
  'See www.beehive.govt.nz, WWW.EXAMPLE.ORG and wwwx.example.',
  'Go to https://x.example/a?b=c. Or HTTP://X.EXAMPLE/(a). Not ftp://x.example.',
  '| a | b |\n|---|--:|\n| 1 | 2 |',
  'abc\n:-:\n',
  'a\n-:\nb',
  'abc  \n:--\nx',
  'a\n---\n',
  'a\n- - -\n',
  '> quote\n> :-:',
  '- item\n  :--\n  x',
  '~~old~~ ~new~ and ~~~fence\n~~~',
  'A note[^1] and [^missing].\n\n[^1]: The note.',
  'After an image-like call ![^1] and ![ ^1].\n\n[^1]: The note.',
  '- [ ] to do\n- [x] done\n- [X] also\n- [y] not a task',
  '[link](https://x.example/) and ![image](/a.png) and [ref]\n\n[ref]: https://x.example/r',
  '* emphasis * and _under_ and `code` and <b>html</b> and &amp; &copy;',
  '1. one\n2. two\n\n    indented code\n\n```js\nfence\n```',
];

// Markdown's meaningful characters and words, so random bodies hit constructs and near misses alike.
const PIECES = ['a', 'word', ' ', ' ', '\n', '\n\n', '|', '-', '--', ':', '~', '~~', '[', ']', '^', '(', ')', '@', '.', 'www', 'http', 's', '://', 'x.example', '*', '_', '`', '> ', '- ', '1. ', '# ', '\\', '!', '&amp;', '<', '>', 'mailto:', '  ', '\t', 'W', 'H', '[ ] ', '[x] '];

function randomBodies(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => Array.from({ length: 5 + Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
}

describe('processorFor: GFM without the constructs a body cannot use', () => {
  it('names every construct the GFM syntax registers, so an upgrade that adds or renames one is reviewed', () => {
    assert.deepEqual([...constructNames(gfm())].sort(), [...CONSTRUCT_NEEDS.keys()].sort());
  });

  it('finds the autolink pass by name, as the only transform of the GFM tree side, so a renamed one is reviewed', () => {
    assert.deepEqual(gfmFromMarkdown().flatMap((extension) => (extension.transforms ?? []).map((transform) => transform.name)), [AUTOLINK_PASS]);
  });

  it('leaves out a construct only when the body lacks what it needs', () => {
    const plain = processorFor('Plain words only.');
    assert.equal(processorFor('Other plain words.'), plain, 'bodies with the same needs share one frozen processor');
    assert.notEqual(processorFor('Mail press@x.example.'), plain);
    assert.notEqual(processorFor('abc\n:-:\n'), plain);
  });

  it('renders each edge case exactly as GFM registered whole does', () => {
    for (const body of EDGES) assert.equal(html(processorFor(body), body), html(everyConstruct, body), body);
  });

  it('renders 2,000 random bodies of Markdown punctuation exactly as GFM registered whole does', () => {
    for (const body of randomBodies(2000, 7)) assert.equal(html(processorFor(body), body), html(everyConstruct, body), JSON.stringify(body));
  });

  it('renders the shipped releases exactly as GFM registered whole does', () => {
    const folder = new URL('../../../seeds/', import.meta.url);
    for (const name of readdirSync(folder)) {
      const body = readFileSync(new URL(name, folder), 'utf8');
      assert.equal(html(processorFor(body), body), html(everyConstruct, body), name);
    }
  });
});
