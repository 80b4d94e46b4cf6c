import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gfm } from 'micromark-extension-gfm';
import { CONSTRUCT_NEEDS, constructNames, processorFor, processorWithout } from '../../src/render/markdown-processor.js';

const everyConstruct = processorWithout(new Set());
const html = (processor: ReturnType<typeof processorFor>, body: string) => String(processor.processSync(body));

// Bodies at the edge of each construct: ones that use it, and near misses without its characters.
const EDGES = [
  'Contact press@beehive.example.',
  'Odd but linked: xa.@.co',
  // Character references are decoded after the syntax, so only the tree's own autolink pass can link these.
  'Encoded: &#119;ww.x.example, http&#58;//x.example and press&#64;x.example',
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

  it('leaves out a construct only when the body lacks what it needs', () => {
    const plain = processorFor('Plain words only.');
    assert.equal(processorFor('Other plain words.'), plain, 'bodies with the same needs share one frozen processor');
    assert.notEqual(processorFor('Mail press@x.example.'), plain);
    assert.notEqual(processorFor('abc\n:-:\n'), plain);
  });

  it('renders each edge case exactly as the processor with every construct does', () => {
    for (const body of EDGES) assert.equal(html(processorFor(body), body), html(everyConstruct, body), body);
  });

  it('renders 2,000 random bodies of Markdown punctuation exactly as the processor with every construct does', () => {
    for (const body of randomBodies(2000, 7)) assert.equal(html(processorFor(body), body), html(everyConstruct, body), JSON.stringify(body));
  });

  it('renders the shipped releases exactly as the processor with every construct does', () => {
    const folder = new URL('../../../seeds/', import.meta.url);
    for (const name of readdirSync(folder)) {
      const body = readFileSync(new URL(name, folder), 'utf8');
      assert.equal(html(processorFor(body), body), html(everyConstruct, body), name);
    }
  });
});
