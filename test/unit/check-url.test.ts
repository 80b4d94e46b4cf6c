import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUrl } from '../../src/validate/check-url.js';

describe('checkUrl', () => {
  it('accepts absolute http and https addresses', () => {
    for (const text of ['https://www.beehive.govt.nz/release/x', 'http://example.govt.nz', 'HTTPS://EXAMPLE.GOVT.NZ/A']) {
      const checked = checkUrl(text);
      assert.equal(checked.ok, true, text);
    }
  });

  it('refuses other schemes, javascript: in any case included', () => {
    for (const [text, scheme] of [['javascript:alert(1)', 'javascript:'], ['JavaScript:alert(1)', 'javascript:'], ['data:text/html,x', 'data:'], ['ftp://x.example/a', 'ftp:'], ['file:///etc/passwd', 'file:'], ['mailto:a@b.example', 'mailto:']]) {
      assert.deepEqual(checkUrl(text!), { ok: false, message: `only http and https addresses are allowed, got one starting "${scheme}"` });
    }
  });

  it('refuses relative addresses and text', () => {
    for (const text of ['/release/x', 'www.beehive.govt.nz/release/x', 'not a url', '']) {
      assert.deepEqual(checkUrl(text), { ok: false, message: `expected a full web address starting with https://, got ${JSON.stringify(text)}` });
    }
  });
});
