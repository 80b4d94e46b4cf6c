import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/load/parse-front-matter.js';

describe('parseFrontMatter', () => {
  it('reads keys and lists, with file lines for keys and list items', () => {
    const parsed = parseFrontMatter('title: A\nministers:\n  - Hon X\n  - Hon Y', 2);
    assert.deepEqual(parsed.data, { title: 'A', ministers: ['Hon X', 'Hon Y'] });
    assert.deepEqual(Object.fromEntries(parsed.lines), { title: 2, ministers: 3, 'ministers.0': 4, 'ministers.1': 5 });
    assert.deepEqual(parsed.errors, []);
  });

  it('keeps dates, impossible dates and times as the text written (YAML 1.2, not 1.1)', () => {
    const { data } = parseFrontMatter('date: 2024-07-12\nbad: 2023-02-30\ntime: 10:30\nstamp: 2024-07-12T10:30:00+12:00\noctal: 0755', 2);
    assert.deepEqual(data, { date: '2024-07-12', bad: '2023-02-30', time: '10:30', stamp: '2024-07-12T10:30:00+12:00', octal: 755 });
  });

  it('keeps yes, no, on and off as text', () => {
    assert.deepEqual(parseFrontMatter('a: yes\nb: off\nc: true', 2).data, { a: 'yes', b: 'off', c: true });
  });

  it('reports an unquoted " #" that cut a value short, naming the field', () => {
    assert.deepEqual(parseFrontMatter('date: 2024-07-12\ntitle: Ward #3 opens', 2).errors, [
      { line: 3, field: 'title', message: 'the text after " #" was read as a YAML comment, leaving only "Ward"; put the whole value in double quotes' },
    ]);
  });

  it('allows a "#" with no space before it, and a comment on a line of its own', () => {
    const parsed = parseFrontMatter('# a note\ntitle: Ward#3 "opens"', 2);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.data.title, 'Ward#3 "opens"');
  });

  it('refuses aliases, once a line, and reads nothing', () => {
    const parsed = parseFrontMatter('a: &x [1, 2]\nb: [*x, *x, *x]\nc:\n  - *x', 2);
    assert.deepEqual(parsed.data, {});
    assert.deepEqual(
      parsed.errors.map((e) => [e.line, e.field]),
      [[3, 'b'], [5, 'c']],
    );
    assert.match(parsed.errors[0]!.message, /^the alias "\*x" is not allowed/);
  });

  it('refuses an exponential alias bomb quickly and without expanding it', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    const parsed = parseFrontMatter(['l0: &l0 "lol"', ...levels].join('\n'), 2);
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.errors.length, 30);
  });

  it('reports unreadable YAML at a file line', () => {
    const parsed = parseFrontMatter('title: [a, b\ndate: x', 2);
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.errors[0]?.line, 3);
    assert.match(parsed.errors[0]!.message, /^the YAML cannot be read: flow sequence/);
  });

  it('reports YAML nested thousands deep as a problem, not a crash', () => {
    assert.deepEqual(parseFrontMatter(`title: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 2).errors, [
      { line: 2, message: 'the YAML nests lists or mappings too deeply to be read; flatten it' },
    ]);
  });

  it('explains an unclosed quote', () => {
    assert.deepEqual(parseFrontMatter('title: "A\ndate: 2024-07-12', 2).errors.map((e) => e.message), [
      'a value in quotes is never closed; add the closing quote at the end of that value',
    ]);
  });

  it('refuses a key given twice', () => {
    assert.deepEqual(parseFrontMatter('title: A\ntitle: B', 2).errors, [{ line: 3, message: 'a key is given twice; keep one of them' }]);
  });

  it('refuses front matter that is not a mapping', () => {
    assert.deepEqual(parseFrontMatter('- a\n- b', 2).errors, [{ line: 2, message: 'the front matter must be a set of "key: value" lines, such as "title: ..."' }]);
  });

  it('refuses keys that are not plain names', () => {
    assert.deepEqual(parseFrontMatter('[a]: 1', 2).errors.map((e) => e.line), [2]);
  });

  it('gives empty data for empty front matter', () => {
    assert.deepEqual(parseFrontMatter('', 2), { data: {}, lines: new Map(), errors: [] });
  });
});
