/**
 * One release file → its outcome: validated, and its body rendered. Kept apart from render-releases so the Markdown
 * pipeline is loaded only where a file is rendered: a warm build that takes every release from the cache never needs
 * it, and loading remark and its plugins costs about a quarter of a second.
 */
import type { Settings, SourceFile } from '../types.js';
import { validateRelease } from '../validate/validate-release.js';
import { bodyBytes, xmlText } from './body-bytes.js';
import { renderMarkdown } from './render-markdown.js';
import type { ReleaseOutcome } from './render-releases.js';

/** Validates one file and renders its body. Depends only on the file's bytes and the settings. Pure. */
export function renderRelease(source: SourceFile, settings: Settings): ReleaseOutcome {
  const validated = validateRelease(source, settings);
  if (!validated.release) return { problems: validated.problems };
  const body = renderMarkdown(validated.release);
  const problems = [...validated.problems, ...body.problems];
  if (body.html === undefined) return { problems };
  const { body: _markdown, ...release } = validated.release;
  return { release: { ...release, html: bodyBytes(body.html), excerpt: xmlText(body.excerpt) }, problems };
}
