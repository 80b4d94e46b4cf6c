import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../../src/load/decode-text.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('decodes UTF-8, macrons included', () => {
    assert.deepEqual(decodeText(bytes('Whānau Ora\n')), { ok: true, text: 'Whānau Ora\n' });
  });

  it('drops a byte-order mark', () => {
    assert.deepEqual(decodeText(bytes([0xef, 0xbb, 0xbf], '---\n')), { ok: true, text: '---\n' });
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    assert.deepEqual(decodeText(bytes('a\r\nb\rc\n')), { ok: true, text: 'a\nb\nc\n' });
  });

  it('refuses bytes that are not UTF-8 and names the line of the first', () => {
    assert.deepEqual(decodeText(bytes('one\ntwo\nWh', [0xe2], 'nau\nfour\n')), { ok: false, line: 3 });
    assert.deepEqual(decodeText(bytes([0xff], 'first line')), { ok: false, line: 1 });
  });

  it('finds a bad byte on the last line, which has no newline after it', () => {
    assert.deepEqual(decodeText(bytes('one\ntwo', [0xc3])), { ok: false, line: 2 });
  });

  it('refuses UTF-16 rather than guessing', () => {
    assert.equal(decodeText(bytes([0xff, 0xfe], [0x2d, 0x00, 0x2d, 0x00, 0x0a, 0xd8])).ok, false);
  });
});
