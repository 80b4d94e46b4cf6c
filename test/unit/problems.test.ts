import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareText, countProblems, describeValue, error, formatProblem, hasErrors, plural, sortProblems, warning } from '../../src/problems.js';

describe('formatProblem', () => {
  it('prints file:line field: message, with "warning: " before a warning', () => {
    assert.equal(formatProblem(error('seeds/a.md', 'expected a list', { line: 4, field: 'ministers' })), 'seeds/a.md:4 ministers: expected a list');
    assert.equal(formatProblem(warning('seeds/a.md', 'unknown key', { line: 9, field: 'minsters' })), 'seeds/a.md:9 warning: minsters: unknown key');
  });

  it('leaves out the line and field when they are not known', () => {
    assert.equal(formatProblem(error('seeds/a.md', 'the file is empty')), 'seeds/a.md the file is empty');
    assert.equal(formatProblem(error('seeds/a.md', 'x', { line: 1 })), 'seeds/a.md:1 x');
    assert.equal(formatProblem(error('package.json', 'x', { field: 'pressroom' })), 'package.json pressroom: x');
  });
});

describe('sortProblems', () => {
  it('sorts by file, line, field and message, without changing its input', () => {
    const problems = [
      error('seeds/b.md', 'z', { line: 1 }),
      error('seeds/a.md', 'b', { line: 10 }),
      warning('seeds/a.md', 'a', { line: 2, field: 'title' }),
      error('seeds/a.md', 'a', { line: 2, field: 'date' }),
      error('seeds/a.md', 'no line'),
    ];
    const copy = [...problems];
    assert.deepEqual(sortProblems(problems).map(formatProblem), [
      'seeds/a.md no line',
      'seeds/a.md:2 date: a',
      'seeds/a.md:2 warning: title: a',
      'seeds/a.md:10 b',
      'seeds/b.md:1 z',
    ]);
    assert.deepEqual(problems, copy);
  });
});

describe('counting and describing', () => {
  it('counts errors and warnings', () => {
    assert.equal(countProblems([error('a', 'x'), warning('a', 'y'), warning('a', 'z')]), '1 error, 2 warnings');
    assert.equal(hasErrors([warning('a', 'y')]), false);
    assert.equal(hasErrors([warning('a', 'y'), error('a', 'x')]), true);
    assert.equal(plural(0, 'page'), '0 pages');
  });

  it('compares in code-point order, not the machine locale', () => {
    assert.deepEqual(['b', 'ā', 'a', 'B'].sort(compareText), ['B', 'a', 'b', 'ā']);
  });

  it('describes values briefly', () => {
    assert.equal(describeValue('Hon A'), 'the text "Hon A"');
    assert.equal(describeValue('x'.repeat(80)), `the text "${'x'.repeat(57)}..."`);
    assert.equal(describeValue(3), 'the number 3');
    assert.equal(describeValue(false), 'false');
    assert.equal(describeValue(null), 'nothing');
    assert.equal(describeValue([]), 'an empty list');
    assert.equal(describeValue([1]), 'a list');
    assert.equal(describeValue({ a: 1 }), 'a mapping of keys to values');
  });
});
