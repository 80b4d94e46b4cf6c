/** Markdown bodies → sanitized HTML, with the summary listings use and warnings for what sanitizing dropped. */
import { error, warning } from '../problems.js';
import type { Problem, Release } from '../types.js';
import { processorFor } from './markdown-processor.js';

/** Deeper nesting than any release needs; past a few thousand levels the parser overflows its stack or runs for minutes. */
export const MAX_NESTING = 32;

/** Most "[" one paragraph may hold: matching links takes time that grows with the square of their number. */
export const MAX_BRACKETS = 2000;

/** Longest listing summary derived from a body, in characters, before it is cut at a word. */
export const EXCERPT_LENGTH = 200;

/** A rendered body, or the problems that stopped it rendering; warnings may come either way. */
export interface RenderedBody {
  html?: string;
  /** Plain text of the first paragraph, cut near EXCERPT_LENGTH. */
  excerpt: string;
  problems: Problem[];
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** Renders one release's body; never throws for bad Markdown. */
export function renderMarkdown(release: Pick<Release, 'file' | 'body' | 'bodyLine'>): RenderedBody {
  const { file, body, bodyLine } = release;
  const tooDeep = findDeepNesting(body);
  if (tooDeep !== undefined) {
    return {
      excerpt: '',
      problems: [error(file, `the body nests quotes or lists more than ${MAX_NESTING} levels deep, which cannot be shown; flatten it`, { line: bodyLine + tooDeep })],
    };
  }
  const flooded = findBracketFlood(body);
  if (flooded !== undefined) {
    return {
      excerpt: '',
      problems: [error(file, `a paragraph has more than ${MAX_BRACKETS} "[" in it, more than the Markdown parser can match in reasonable time; split it, or write \\[ for a bracket that starts no link`, { line: bodyLine + flooded })],
    };
  }
  try {
    const processor = processorFor(body);
    const tree = processor.parse(body) as MdNode;
    const problems: Problem[] = [];
    walk(tree, (node) => {
      if (node.type === 'html' && node.value?.trim() && !isComment(node.value)) {
        const line = bodyLine + (node.position?.start.line ?? 1) - 1;
        problems.push(warning(file, `raw HTML ${JSON.stringify(shorten(node.value.trim()))} is removed from the page for safety; write it in Markdown instead`, { line }));
      }
    });
    const html = processor.stringify(processor.runSync(tree as never) as never) as string;
    return { html, excerpt: firstParagraphExcerpt(tree), problems };
  } catch (cause) {
    return { excerpt: '', problems: [error(file, `the body could not be rendered as Markdown (${(cause as Error).message}); simplify it`, { line: bodyLine })] };
  }
}

/** Cuts text at a word boundary at or before `limit` characters, adding "…" when anything was cut. */
export function cutAtWord(text: string, limit = EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit + 1);
  const space = cut.lastIndexOf(' ');
  const words = (space > limit / 2 ? cut.slice(0, space) : clean.slice(0, limit)).replace(/[\s,;:.–—-]+$/, '');
  return `${words}…`;
}

/** The 0-based line index of the first line nested too deeply, or undefined. Counts container markers at line starts. */
function findDeepNesting(body: string): number | undefined {
  const lines = body.split('\n');
  const marker = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
  for (let index = 0; index < lines.length; index++) {
    let rest = lines[index]!;
    let depth = 0;
    for (let match = marker.exec(rest); match && match[0].length > 0; match = marker.exec(rest)) {
      if (++depth > MAX_NESTING) return index;
      rest = rest.slice(match[0].length);
    }
    // Indentation nests lists too, at two or more columns a level.
    const indent = /^[ \t]*/.exec(lines[index]!)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_NESTING * 4 && marker.test(lines[index]!.trimStart())) return index;
  }
  return undefined;
}

/** The 0-based line on which a paragraph with more than MAX_BRACKETS unescaped "[" starts, or undefined. */
function findBracketFlood(body: string): number | undefined {
  let start = 0;
  let count = 0;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      start = index + 1;
      count = 0;
      continue;
    }
    count += line.match(/(?<!\\)\[/g)?.length ?? 0;
    if (count > MAX_BRACKETS) return start;
  }
  return undefined;
}

function firstParagraphExcerpt(tree: MdNode): string {
  const paragraph = tree.children?.find((node) => node.type === 'paragraph');
  return paragraph ? cutAtWord(plainText(paragraph)) : '';
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(plainText).join('');
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
