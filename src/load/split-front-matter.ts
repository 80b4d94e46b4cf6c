/** Splits a release's text into its YAML front matter and its Markdown body, with the lines each starts on. */

/** The two parts of a release file, or why the file has no usable front matter. */
export type Split =
  | { ok: true; yaml: string; yamlLine: number; body: string; bodyLine: number }
  | { ok: false; line: number; message: string };

const DELIMITER = /^---[ \t]*$/;

/**
 * Takes decoded text (LF line endings, no byte-order mark). Only YAML is accepted: a "---js" opening is refused,
 * never run, and a missing closing line is an error rather than a file read as all front matter.
 */
export function splitFrontMatter(text: string): Split {
  if (text.trim() === '') {
    return { ok: false, line: 1, message: 'the file is empty; a release starts with front matter between two "---" lines, then its Markdown body' };
  }
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (/^---\s*\S/.test(first)) {
    return {
      ok: false,
      line: 1,
      message: `front matter must be YAML, opened by a line of just "---"; "${first.trim()}" asks for another language, which is never run`,
    };
  }
  if (!DELIMITER.test(first)) {
    return {
      ok: false,
      line: 1,
      message: 'the file has no front matter; start it with a line "---", then title, date and ministers, then another "---" line',
    };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closingIndex === -1) {
    return { ok: false, line: 1, message: 'the front matter opened on line 1 is never closed; add a line of just "---" after it' };
  }
  return {
    ok: true,
    yaml: lines.slice(1, closingIndex).join('\n'),
    yamlLine: 2,
    body: lines.slice(closingIndex + 1).join('\n'),
    bodyLine: closingIndex + 2,
  };
}
