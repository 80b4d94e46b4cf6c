/** YAML front matter to plain values, read the YAML 1.2 way so that nothing is rewritten before validation sees it. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';

/** The front matter's values, where each key and list item stands, and what could not be read. */
export interface FrontMatter {
  /** Top-level keys and their values; dates, times and numbers-with-colons stay text. */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key ("title") and of each list item ("ministers.1"). */
  lines: Map<string, number>;
  /** Why parts of the YAML could not be read, with the file line; empty when all was read. */
  errors: { line: number; field?: string; message: string }[];
}

/**
 * Parses with the YAML 1.2 core schema: `2023-02-30` and `10:30` stay text (YAML 1.1 would make a rolled-over date and
 * a sexagesimal number of them). Aliases are refused, since a few bytes of them can expand without bound, and an
 * unquoted " #" that cut a value short is reported rather than silently dropping the rest of the value.
 */
export function parseFrontMatter(yaml: string, firstLine: number): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // The parser can repeat one error many times over (once per nesting level that overflowed): keep one a line.
  const seen = new Set<string>();
  const errors: FrontMatter['errors'] = doc.errors
    .map((e) => ({ line: lineAt(e.pos[0]), message: yamlMessage(e.code, e.message) }))
    .filter((e) => !seen.has(`${e.line}:${e.message}`) && Boolean(seen.add(`${e.line}:${e.message}`)));
  const lines = new Map<string, number>();
  if (errors.length > 0) return { data: {}, lines, errors };

  let aliases = false;
  const aliasLines = new Set<number>();
  visit(doc, {
    Alias(_, node, path) {
      aliases = true;
      // One report a line: "[*a, *a, *a]" is one mistake, not three.
      const line = lineAt(node.range?.[0] ?? 0);
      if (aliasLines.has(line)) return;
      aliasLines.add(line);
      errors.push({ line, ...fieldOf(path), message: `the alias "*${node.source}" is not allowed: anchors and aliases (&name, *name) can expand a small file enormously; write the value out` });
    },
    Scalar(_, node, path) {
      const end = node.range?.[1];
      if (end === undefined || node.type !== 'PLAIN' || !node.comment) return;
      if (/^[ \t]+#/.test(yaml.slice(end, yaml.indexOf('\n', end) === -1 ? undefined : yaml.indexOf('\n', end)))) {
        errors.push({
          line: lineAt(end),
          ...fieldOf(path),
          message: `the text after " #" was read as a YAML comment, leaving only ${JSON.stringify(String(node.value))}; put the whole value in double quotes`,
        });
      }
    },
  });
  if (aliases) return { data: {}, lines, errors };

  const root: Node | null = doc.contents;
  if (root === null) return { data: {}, lines, errors };
  if (!isMap(root)) {
    errors.push({ line: firstLine, message: 'the front matter must be a set of "key: value" lines, such as "title: ..."' });
    return { data: {}, lines, errors };
  }
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    lines.set(key, lineAt(pair.key.range?.[0] ?? 0));
    if (isSeq(pair.value)) {
      pair.value.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) lines.set(`${key}.${index}`, lineAt(range[0]));
      });
    }
  }
  for (const pair of root.items) {
    if (isPair(pair) && !isScalar(pair.key)) {
      errors.push({ line: lineAt((pair.key as Node | null)?.range?.[0] ?? 0), message: 'keys must be plain names such as "title"' });
    }
  }
  return { data: doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>, lines, errors };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split(' at line ')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return 'a key is given twice; keep one of them';
  // The parser only notices at the end of the front matter, so say what to look for rather than just where it gave up.
  if (/call stack/i.test(first)) return 'the YAML nests lists or mappings too deeply to be read; flatten it';
  if (code === 'MISSING_CHAR' && first.includes('quote')) return 'a value in quotes is never closed; add the closing quote at the end of that value';
  return `the YAML cannot be read: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** The top-level key a node sits under, as the problem's field, when there is one. */
function fieldOf(path: readonly unknown[]): { field?: string } {
  const pair = path.find((node) => isPair(node) && isScalar(node.key));
  return isPair(pair) && isScalar(pair.key) ? { field: String(pair.key.value) } : {};
}
