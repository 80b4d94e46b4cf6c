import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeValues, isSpace, linksIn, locValues } from '../../src/verify/links-in.js';

// The expressions the scans stand in for; each scan must find exactly their matches, in order.
const ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const SITEMAP_LOC = /<loc>([^<]*)<\/loc>/g;
const byRegex = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? '');
const scanned = (scan: (text: string, links: string[]) => void, text: string) => {
  const links: string[] = [];
  scan(text, links);
  return links;
};

/** A deterministic stream of strings made of the characters that matter to the scans. */
function* tricky(count: number, pieces: readonly string[], seed = 1): Generator<string> {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 30);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}

describe('linksIn', () => {
  it('finds href and src values in either quote, any case, with space around "=", and not inside another value', () => {
    const html = `<a href="/a/">a</a><IMG\tSRC = '/b.png'><a\nhref=\n"/c/"><a href="/x/ src='/not/'" data-href="/no/" href=/bare/ xhref="/no/" href="/d/">`;
    assert.deepEqual(linksIn('index.html', html), ['/a/', '/b.png', '/c/', "/x/ src='/not/'", '/d/']);
  });

  it('reads <loc>s after the attributes in XML, and Sitemap lines in robots.txt', () => {
    assert.deepEqual(linksIn('sitemap.xml', '<loc>/b/</loc><link href="/a/"/><loc>/x<y</loc><loc>/c/</loc>'), ['/a/', '/b/', '/c/']);
    assert.deepEqual(linksIn('robots.txt', 'User-agent: *\nsitemap: /s.xml \n'), ['/s.xml']);
  });

  it('finds what the regular expression finds, on many generated strings', () => {
    const pieces = [' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', 'href', 'HREF', 'hRef', 'src', 'SrC', 'xsrc', '=', ' = ', '"', "'", '/a', '<', '>', 'b', 'f', 'c'];
    for (const text of tricky(20000, pieces)) assert.deepEqual(scanned(attributeValues, text), byRegex(ATTRIBUTE, text), JSON.stringify(text));
    const locPieces = ['<loc>', '</loc>', '<', '/', 'loc>', '<loc', 'a', '<lo'];
    for (const text of tricky(20000, locPieces, 2)) assert.deepEqual(scanned(locValues, text), byRegex(SITEMAP_LOC, text), JSON.stringify(text));
  });

  it('counts as white space exactly what \\s matches', () => {
    for (let code = 0; code <= 0xffff; code++) assert.equal(isSpace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });
});
