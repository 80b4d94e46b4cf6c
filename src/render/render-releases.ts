/** Release files → validated releases with their bodies rendered: the per-file, cacheable part of the build. */
import type { Problem, RenderedRelease, Settings, SourceFile } from '../types.js';
import { validateRelease } from '../validate/validate-release.js';
import { renderMarkdown } from './render-markdown.js';

/** One file's outcome: its rendered release when it has no error, and every problem found in it. */
export interface ReleaseOutcome {
  release?: RenderedRelease;
  problems: Problem[];
}

/** Validates one file and renders its body. Depends only on the file's bytes and the settings. Pure. */
export function renderRelease(source: SourceFile, settings: Settings): ReleaseOutcome {
  const validated = validateRelease(source, settings);
  if (!validated.release) return { problems: validated.problems };
  const body = renderMarkdown(validated.release);
  const problems = [...validated.problems, ...body.problems];
  if (body.html === undefined) return { problems };
  return { release: { ...validated.release, html: body.html, excerpt: body.excerpt }, problems };
}

/** Every file's outcome, in the order given. */
export async function renderReleases(sources: readonly SourceFile[], settings: Settings): Promise<ReleaseOutcome[]> {
  return sources.map((source) => renderRelease(source, settings));
}
