import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem } from '../../src/problems.js';
import { FieldReader } from '../../src/validate/field-reader.js';
import { fileTypeOf, readAttachments, titleFromUrl } from '../../src/validate/read-attachments.js';

function read(attachments: unknown) {
  const reader = new FieldReader('seeds/a.md', { attachments }, new Map([['attachments', 6], ['attachments.0', 7], ['attachments.1', 8]]), 1);
  return { attachments: readAttachments(reader), problems: reader.problems.map(formatProblem) };
}

describe('readAttachments', () => {
  it('reads addresses and {title, url} items', () => {
    assert.deepEqual(read(['https://x.example/files/fiscal-strategy_report-2023.pdf', { title: ' Cabinet paper ', url: 'https://x.example/c.docx' }]), {
      attachments: [
        { title: 'Fiscal strategy report 2023', url: 'https://x.example/files/fiscal-strategy_report-2023.pdf', fileType: 'PDF' },
        { title: 'Cabinet paper', url: 'https://x.example/c.docx', fileType: 'DOCX' },
      ],
      problems: [],
    });
  });

  it('is empty when the field is absent', () => {
    assert.deepEqual(read(undefined), { attachments: [], problems: [] });
  });

  it('reports each bad item on its line', () => {
    assert.deepEqual(read(['javascript:alert(1)', { title: 'No address' }]).problems, [
      'seeds/a.md:7 attachments.0: item 1: only http and https addresses are allowed, got one starting "javascript:"',
      'seeds/a.md:8 attachments.1: item 2 should be an address, or "title" and "url" lines; got a mapping of keys to values',
    ]);
    assert.deepEqual(read([{ url: 'https://x.example/a.pdf', title: 3 }]).problems, ['seeds/a.md:7 attachments.0: item 1: the title should be text, got the number 3']);
  });

  it('refuses a single address where a list belongs', () => {
    assert.deepEqual(read('https://x.example/a.pdf').problems, [
      'seeds/a.md:6 attachments: expected a list of addresses or of {title, url} items, got the text "https://x.example/a.pdf"',
    ]);
  });

  it('warns about unknown keys in an item and keeps it', () => {
    const result = read([{ url: 'https://x.example/a.pdf', size: '2 MB' }]);
    assert.equal(result.attachments.length, 1);
    assert.deepEqual(result.problems, ['seeds/a.md:7 warning: attachments.0: item 1: unknown key "size" is ignored; an attachment has "title" and "url"']);
  });
});

describe('fileTypeOf and titleFromUrl', () => {
  it('take the type and a readable title from the address', () => {
    assert.equal(fileTypeOf(new URL('https://x.example/a/report.PDF?download=1')), 'PDF');
    assert.equal(fileTypeOf(new URL('https://x.example/a/report')), '');
    assert.equal(titleFromUrl(new URL('https://x.example/a/wh%C4%81nau-ora_report.pdf')), 'Whānau ora report');
    assert.equal(titleFromUrl(new URL('https://x.example/a/%E0%A4%A.pdf')), '%E0%A4%A');
    assert.equal(titleFromUrl(new URL('https://x.example/')), 'x.example');
  });
});
