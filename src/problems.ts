/** Problems are values: made by these helpers, sorted one way, and printed in one format everywhere. */
import type { Problem } from './types.js';

/** A problem that stops the build. */
export function error(file: string, message: string, where: { line?: number; field?: string } = {}): Problem {
  return { file, ...where, severity: 'error', message };
}

/** A problem worth telling the author about that does not stop the build. */
export function warning(file: string, message: string, where: { line?: number; field?: string } = {}): Problem {
  return { file, ...where, severity: 'warning', message };
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sorts by file, then line, then field, then message, so reports read top to bottom and never change order. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.field ?? '', b.field ?? '') ||
      compareText(a.message, b.message),
  );
}

/** `seeds/a.md:4 ministers: expected …` for errors, with `warning: ` before the message for warnings. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${severity}${field}${problem.message}`;
}

/** A count such as "2 errors, 1 warning" for the end of a report. */
export function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** "1 page", "2 pages". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shows a value the author wrote, briefly, for a message: `the text "Hon A"`, `a list`, `the number 3`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a mapping of keys to values';
}
