import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ministerKey, withoutHonorifics } from '../../src/minister-key.js';

describe('ministerKey', () => {
  it('gives one key for a name under any honorific', () => {
    for (const name of ['Christopher Luxon', 'Hon Christopher Luxon', 'Rt Hon Christopher Luxon', 'Rt. Hon. Christopher Luxon', 'The Right Honourable Christopher Luxon', 'hon  christopher   luxon']) {
      assert.equal(ministerKey(name), 'christopher-luxon', name);
    }
  });

  it('removes stacked honorifics', () => {
    assert.equal(ministerKey('Hon Dr Shane Reti'), 'shane-reti');
    assert.equal(ministerKey('Rt Hon Sir John Key'), 'john-key');
    assert.equal(ministerKey('Hon Dame Jane Example'), 'jane-example');
  });

  it('transliterates macrons', () => {
    assert.equal(ministerKey('Hon Tama Whānau'), 'tama-whanau');
  });

  it('removes an honorific only as a whole word', () => {
    assert.equal(ministerKey('Honor Smith'), 'honor-smith');
    assert.equal(ministerKey('Sirius Black'), 'sirius-black');
    assert.equal(ministerKey('Drew Barrymore'), 'drew-barrymore');
  });

  it('gives nothing for a bare title', () => {
    for (const name of ['Hon', 'Rt Hon', 'Hon Dr', '']) assert.equal(ministerKey(name), '', name);
  });
});

describe('withoutHonorifics', () => {
  it('keeps the name as written, spaces tidied', () => {
    assert.equal(withoutHonorifics('  Rt Hon  Jane   Example '), 'Jane Example');
  });
});
