import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem, sortProblems } from '../../src/problems.js';
import { KNOWN_FIELDS, validateRelease } from '../../src/validate/validate-release.js';
import { DEFAULT_SETTINGS } from '../../src/validate/validate-settings.js';
import { release } from '../helpers/project.js';

const validate = (text: string | Uint8Array, file = 'seeds/a.md') =>
  validateRelease({ path: file, bytes: typeof text === 'string' ? Buffer.from(text) : text }, DEFAULT_SETTINGS);
const report = (text: string) => sortProblems(validate(text).problems).map(formatProblem);

describe('validateRelease', () => {
  it('reads a full release', () => {
    const text = [
      '---',
      'title: "Minister announces funding for Whānau Ora"',
      'date: 2024-07-12T20:00:00-04:00',
      'url: https://www.beehive.govt.nz/speech/whanau-ora-funding',
      'ministers:',
      '  - Rt  Hon Jane Example',
      'portfolios: [Whānau Ora]',
      'summary: " A summary. "',
      'delivered_at: Parliament',
      'attachments:',
      '  - https://x.example/report.pdf',
      '---',
      '',
      'Body.',
    ].join('\n');
    assert.deepEqual(validate(text), {
      release: {
        file: 'seeds/a.md',
        title: 'Minister announces funding for Whānau Ora',
        date: '2024-07-13',
        ministers: ['Rt Hon Jane Example'],
        portfolios: ['Whānau Ora'],
        type: 'speech',
        slug: 'whanau-ora-funding',
        attachments: [{ title: 'Report', url: 'https://x.example/report.pdf', fileType: 'PDF' }],
        body: '\nBody.',
        bodyLine: 13,
        url: 'https://www.beehive.govt.nz/speech/whanau-ora-funding',
        summary: 'A summary.',
        deliveredAt: 'Parliament',
        draft: false,
        updates: [],
      },
      problems: [],
    });
  });

  it('reports every problem in a file at once, each on its line', () => {
    assert.deepEqual(report(release({ title: '""', date: '2024-02-30', url: 'ftp://x.example/a', ministers: '[]', type: 'blog', slug: 'Bad Slug' })), [
      'seeds/a.md:2 title: is empty; write the text after the colon, or remove the line',
      'seeds/a.md:3 date: "2024-02-30" is not a real date: month 2 of 2024 has 29 days',
      'seeds/a.md:4 ministers: the list is empty; name at least one',
      'seeds/a.md:7 url: only http and https addresses are allowed, got one starting "ftp:"',
      'seeds/a.md:8 type: unknown type "blog"; expected one of release, speech, feature, ministerial-diary',
    ]);
  });

  it('names every missing required field', () => {
    assert.deepEqual(report('---\nsummary: Only this\n---\n'), [
      'seeds/a.md:1 date: is required; add a line such as "date: 2024-07-12"',
      'seeds/a.md:1 ministers: is required; list them one per line:\n  ministers:\n    - Hon Jane Example',
      'seeds/a.md:1 title: is required; add a line such as "title: Minister announces new funding"',
    ]);
  });

  it('shows how to write a single minister as a list', () => {
    assert.deepEqual(report(release({ ministers: 'Hon Jane Example' })), [
      'seeds/a.md:4 ministers: expected a list of names, got the text "Hon Jane Example"; write it as a list:\n  ministers:\n    - Hon Jane Example',
    ]);
  });

  it('refuses a name that is only a title, and warns about a name listed twice under two titles', () => {
    assert.deepEqual(report(release({ ministers: '\n  - Hon\n  - Hon Jane Example\n  - Rt Hon Jane Example' })), [
      'seeds/a.md:5 ministers.0: "Hon" gives no page address: once titles are removed it has no letters a-z or digits (macrons and accents are fine); write the full name',
      'seeds/a.md:7 warning: ministers.2: "Rt Hon Jane Example" is the same as "Hon Jane Example", listed already; remove one',
    ]);
  });

  it('refuses a portfolio or name with nothing to make an address from', () => {
    assert.deepEqual(report(release({ portfolios: '\n  - "!!!"' })), [
      'seeds/a.md:7 portfolios.0: "!!!" gives no page address: once titles are removed it has no letters a-z or digits (macrons and accents are fine); write the full name',
    ]);
  });

  it('warns about unknown keys, suggesting the one meant, and still gives the release', () => {
    const validated = validate(release({ summry: 'x', author: 'y' }));
    assert.ok(validated.release);
    assert.deepEqual(validated.problems.map(formatProblem), [
      'seeds/a.md:8 warning: summry: unknown key is ignored; did you mean "summary"?',
      'seeds/a.md:9 warning: author: unknown key is ignored; known keys are ' + KNOWN_FIELDS.join(', '),
    ]);
  });

  it('asks for quotes around a title YAML reads as a number or true', () => {
    assert.deepEqual(report(release({ title: '2024' })), ['seeds/a.md:2 title: expected text, got the number 2024; put it in double quotes']);
  });

  it('turns bytes that are not UTF-8 into one problem naming the line', () => {
    const bytes = Buffer.concat([Buffer.from(release({}, 'Line one\nWh')), Buffer.from([0xe2]), Buffer.from('nau\n')]);
    assert.deepEqual(validate(bytes).problems.map(formatProblem), ['seeds/a.md:11 the file is not valid UTF-8 text; save it as UTF-8 in your editor']);
  });

  it('reads a file with a byte-order mark and CRLF endings like any other', () => {
    const lf = validate(release({ unknown: 'x' }));
    const crlf = validate(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(release({ unknown: 'x' }).replace(/\n/g, '\r\n'))]));
    assert.deepEqual(crlf, lf);
  });

  it('passes YAML problems through with their lines', () => {
    assert.deepEqual(report('---\ntitle: a\ntitle: b\n---\n'), ['seeds/a.md:3 a key is given twice; keep one of them']);
  });
});
