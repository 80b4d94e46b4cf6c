import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitFrontMatter } from '../../src/load/split-front-matter.js';

describe('splitFrontMatter', () => {
  it('splits YAML from the body, with the lines each starts on', () => {
    assert.deepEqual(splitFrontMatter('---\ntitle: A\ndate: 2024-07-12\n---\n\nBody.\n'), {
      ok: true,
      yaml: 'title: A\ndate: 2024-07-12',
      yamlLine: 2,
      body: '\nBody.\n',
      bodyLine: 5,
    });
  });

  it('accepts trailing spaces on the delimiter lines', () => {
    const split = splitFrontMatter('---  \ntitle: A\n--- \nBody');
    assert.equal(split.ok && split.body, 'Body');
  });

  it('closes at the first "---" line, so a horizontal rule in the body stays in the body', () => {
    const split = splitFrontMatter('---\ntitle: A\n---\nOne\n\n---\n\nTwo');
    assert.equal(split.ok && split.body, 'One\n\n---\n\nTwo');
  });

  it('gives an empty body when the file ends at the closing line', () => {
    assert.deepEqual(splitFrontMatter('---\ntitle: A\n---'), { ok: true, yaml: 'title: A', yamlLine: 2, body: '', bodyLine: 4 });
  });

  it('calls an empty or blank file empty', () => {
    for (const text of ['', '\n\n  \n']) {
      assert.deepEqual(splitFrontMatter(text), {
        ok: false,
        line: 1,
        message: 'the file is empty; a release starts with front matter between two "---" lines, then its Markdown body',
      });
    }
  });

  it('refuses a file with no front matter', () => {
    assert.deepEqual(splitFrontMatter('# Title\n\nBody'), {
      ok: false,
      line: 1,
      message: 'the file has no front matter; start it with a line "---", then title, date and ministers, then another "---" line',
    });
  });

  it('refuses ---js, ---javascript and ---toml openings without running them', () => {
    for (const opening of ['---js', '---javascript', '--- toml']) {
      const split = splitFrontMatter(`${opening}\n{ title: "x" }\n---\n`);
      assert.deepEqual(split, {
        ok: false,
        line: 1,
        message: `front matter must be YAML, opened by a line of just "---"; "${opening}" asks for another language, which is never run`,
      });
    }
  });

  it('refuses front matter that is never closed', () => {
    assert.deepEqual(splitFrontMatter('---\ntitle: A\n\nBody'), {
      ok: false,
      line: 1,
      message: 'the front matter opened on line 1 is never closed; add a line of just "---" after it',
    });
  });

  it('does not take "----" or "--- x" as a closing line', () => {
    assert.equal(splitFrontMatter('---\ntitle: A\n----\n--- x\n').ok, false);
  });
});
