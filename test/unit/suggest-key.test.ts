import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, suggestKey } from '../../src/validate/suggest-key.js';
import { KNOWN_FIELDS } from '../../src/validate/validate-release.js';

describe('suggestKey', () => {
  it('suggests the known key a typo is close to', () => {
    assert.equal(suggestKey('minsters', KNOWN_FIELDS), 'ministers');
    assert.equal(suggestKey('ministres', KNOWN_FIELDS), 'ministers');
    assert.equal(suggestKey('portfolio', KNOWN_FIELDS), 'portfolios');
    assert.equal(suggestKey('Title', KNOWN_FIELDS), 'title');
    assert.equal(suggestKey('dat', KNOWN_FIELDS), 'date');
    assert.equal(suggestKey('atachments', KNOWN_FIELDS), 'attachments');
  });

  it('suggests nothing for a key that is not close to any', () => {
    assert.equal(suggestKey('author', KNOWN_FIELDS), undefined);
    assert.equal(suggestKey('tags', KNOWN_FIELDS), undefined);
    assert.equal(suggestKey('x', KNOWN_FIELDS), undefined);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    assert.equal(editDistance('title', 'title'), 0);
    assert.equal(editDistance('minsters', 'ministers'), 1);
    assert.equal(editDistance('tilte', 'title'), 1);
    assert.equal(editDistance('date', 'data'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});
