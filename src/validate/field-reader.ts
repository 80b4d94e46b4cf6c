/** Reads typed values out of front matter, recording a problem (with its line) for every value of the wrong shape. */
import { describeValue, error, warning } from '../problems.js';
import type { Problem } from '../types.js';

/** One file's front matter being validated: its values, their lines, and the problems found so far. */
export class FieldReader {
  readonly problems: Problem[] = [];

  constructor(
    readonly file: string,
    readonly data: Record<string, unknown>,
    private readonly lines: ReadonlyMap<string, number>,
    private readonly fallbackLine: number,
  ) {}

  /** The line of a key ("title") or list item ("ministers.2"), else of its key, else the front matter's first. */
  lineOf(field: string): number {
    return this.lines.get(field) ?? this.lines.get(field.split('.')[0] ?? field) ?? this.fallbackLine;
  }

  /** Records an error at the field's line. */
  fail(field: string, message: string): undefined {
    this.problems.push(error(this.file, message, { line: this.lineOf(field), field }));
    return undefined;
  }

  /** Records a warning at the field's line. */
  warn(field: string, message: string): void {
    this.problems.push(warning(this.file, message, { line: this.lineOf(field), field }));
  }

  /** Non-empty text with surrounding space trimmed; a missing required field is an error too. */
  text(field: string, required: boolean, hint = ''): string | undefined {
    const value = this.data[field];
    if (value === undefined || value === null) {
      return required ? this.fail(field, `is required; add a line such as "${field}: ${hint || '...'}"`) : undefined;
    }
    if (typeof value !== 'string') {
      const quoted = typeof value === 'number' || typeof value === 'boolean' ? '; put it in double quotes' : '';
      return this.fail(field, `expected text, got ${describeValue(value)}${quoted}`);
    }
    const trimmed = value.trim();
    if (trimmed === '') return this.fail(field, 'is empty; write the text after the colon, or remove the line');
    return trimmed;
  }

  /** A list of non-empty names; a single text where a list belongs is an error that shows how to write the list. */
  nameList(field: string, required: boolean): string[] {
    const value = this.data[field];
    if (value === undefined || value === null) {
      if (required) this.fail(field, `is required; list them one per line:\n  ${field}:\n    - Hon Jane Example`);
      return [];
    }
    if (typeof value === 'string') {
      this.fail(field, `expected a list of names, got the text ${JSON.stringify(value)}; write it as a list:\n  ${field}:\n    - ${value.trim()}`);
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(field, `expected a list of names, got ${describeValue(value)}`);
      return [];
    }
    if (required && value.length === 0) {
      this.fail(field, 'the list is empty; name at least one');
      return [];
    }
    const names: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string' || item.trim() === '') {
        this.fail(`${field}.${index}`, `item ${index + 1} should be a name, got ${describeValue(item)}`);
      } else {
        names.push(item.trim().replace(/\s+/g, ' '));
      }
    });
    return names;
  }
}
