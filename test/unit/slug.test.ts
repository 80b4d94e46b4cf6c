import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSlug, MAX_SLUG_LENGTH, slugify } from '../../src/slug.js';

describe('slugify', () => {
  it('transliterates macrons and accents', () => {
    assert.equal(slugify('Whānau Ora'), 'whanau-ora');
    assert.equal(slugify('Māori Crown Relations: Te Arawhiti'), 'maori-crown-relations-te-arawhiti');
    assert.equal(slugify('Café Zürich Straße Ærø'), 'cafe-zurich-strasse-aero');
  });

  it('drops apostrophes rather than splitting words on them', () => {
    assert.equal(slugify("O'Brien’s report"), 'obriens-report');
  });

  it('makes path tricks into plain words', () => {
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify('/absolute\\windows\\path'), 'absolute-windows-path');
    assert.equal(slugify('a\0b'), 'a-b');
    assert.equal(slugify('..'), '');
    assert.equal(slugify('   '), '');
  });

  it('cuts long text at a hyphen to at most 100 characters', () => {
    const slug = slugify('word '.repeat(100));
    assert.ok(slug.length <= MAX_SLUG_LENGTH);
    assert.match(slug, /^word(-word)*$/);
    assert.equal(slugify('a'.repeat(300)), 'a'.repeat(100));
  });

  it('always gives a valid slug or nothing', () => {
    for (const text of ['Hello, World!', '--x--', 'ĀĒĪŌŪ', '日本語', '1.2.3', 'A_B']) {
      const slug = slugify(text);
      assert.ok(slug === '' || isSlug(slug), `${text} → ${slug}`);
    }
  });
});

describe('isSlug', () => {
  it('accepts lower-case letters, digits and single inner hyphens only', () => {
    for (const ok of ['a', 'budget-2024', '2024']) assert.equal(isSlug(ok), true, ok);
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a/b', '..', 'a b', 'ā', 'a'.repeat(101)]) assert.equal(isSlug(bad), false, bad);
  });
});
