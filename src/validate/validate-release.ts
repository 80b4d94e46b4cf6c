/** One release file → a Release, or every problem with it. Pure: takes bytes, never throws for bad input. */
import { decodeText } from '../load/decode-text.js';
import { parseFrontMatter } from '../load/parse-front-matter.js';
import { splitFrontMatter } from '../load/split-front-matter.js';
import { ministerKey } from '../minister-key.js';
import { error } from '../problems.js';
import { slugify } from '../slug.js';
import type { Problem, Release, Settings, SourceFile } from '../types.js';
import { checkUrl } from './check-url.js';
import { FieldReader } from './field-reader.js';
import { parseReleaseDate } from './parse-date.js';
import { readAttachments } from './read-attachments.js';
import { readPublishingFields } from './read-publishing-fields.js';
import { releaseIdentity } from './release-identity.js';
import { suggestKey } from './suggest-key.js';

/** Every front matter key Pressroom understands. */
export const KNOWN_FIELDS = [
  'title', 'date', 'url', 'ministers', 'portfolios', 'slug', 'type', 'summary', 'attachments', 'delivered_at',
  'embargo', 'draft', 'updated', 'update_note', 'updates', 'withdrawn',
] as const;

/** The release when the file is valid (warnings aside), and every problem found in it. */
export interface ValidatedRelease {
  release?: Release;
  problems: Problem[];
}

/** Decodes, splits, parses and checks one release file, reporting as many problems as can be found at once. */
export function validateRelease(source: SourceFile, settings: Settings): ValidatedRelease {
  const file = source.path;
  const decoded = decodeText(source.bytes);
  if (!decoded.ok) {
    return { problems: [error(file, 'the file is not valid UTF-8 text; save it as UTF-8 in your editor', { line: decoded.line })] };
  }
  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return { problems: [error(file, split.message, { line: split.line })] };

  const frontMatter = parseFrontMatter(split.yaml, split.yamlLine);
  if (frontMatter.errors.length > 0) {
    return { problems: frontMatter.errors.map((e) => error(file, e.message, { line: e.line, ...(e.field ? { field: e.field } : {}) })) };
  }
  const reader = new FieldReader(file, frontMatter.data, frontMatter.lines, split.yamlLine - 1);

  for (const key of Object.keys(frontMatter.data)) {
    if ((KNOWN_FIELDS as readonly string[]).includes(key)) continue;
    const suggestion = suggestKey(key, KNOWN_FIELDS);
    reader.warn(key, `unknown key is ignored${suggestion ? `; did you mean "${suggestion}"?` : `; known keys are ${KNOWN_FIELDS.join(', ')}`}`);
  }

  const title = reader.text('title', true, 'Minister announces new funding');
  const dateText = reader.text('date', true, '2024-07-12');
  const date = dateText === undefined ? undefined : checkDate(reader, dateText, settings.timeZone);
  const urlText = reader.text('url', false);
  const url = urlText === undefined ? undefined : checkField(reader, 'url', urlText);
  const ministers = checkNames(reader, 'ministers', reader.nameList('ministers', true));
  const portfolios = checkNames(reader, 'portfolios', reader.nameList('portfolios', false));
  const summary = reader.text('summary', false);
  const deliveredAt = reader.text('delivered_at', false);
  const attachments = readAttachments(reader);
  const publishing = readPublishingFields(reader, date, settings.timeZone);
  const identity = releaseIdentity({ file, type: reader.text('type', false), slug: reader.text('slug', false), url });
  if (!identity.ok) reader.fail(identity.field, identity.message);

  const failed = reader.problems.some((p) => p.severity === 'error');
  if (failed || title === undefined || date === undefined || !identity.ok) return { problems: reader.problems };
  const release: Release = {
    file,
    title,
    date,
    ministers,
    portfolios,
    type: identity.type,
    slug: identity.slug,
    attachments,
    draft: publishing.draft,
    updates: publishing.updates,
    body: split.body,
    bodyLine: split.bodyLine,
    ...(url ? { url: url.href } : {}),
    ...(summary ? { summary } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    ...(publishing.embargo !== undefined ? { embargo: publishing.embargo } : {}),
    ...(publishing.withdrawn ? { withdrawn: publishing.withdrawn } : {}),
  };
  return { release, problems: reader.problems };
}

function checkDate(reader: FieldReader, text: string, timeZone: string) {
  const parsed = parseReleaseDate(text, timeZone);
  return parsed.ok ? parsed.date : reader.fail('date', parsed.message);
}

function checkField(reader: FieldReader, field: string, text: string): URL | undefined {
  const checked = checkUrl(text);
  return checked.ok ? checked.url : reader.fail(field, checked.message);
}

/** Names must give a key once honorifics are gone ("Hon" alone, or a name in another script, does not), and each may appear once. */
function checkNames(reader: FieldReader, field: string, names: string[]): string[] {
  const keys = new Map<string, string>();
  const kept: string[] = [];
  names.forEach((name, index) => {
    const key = field === 'ministers' ? ministerKey(name) : slugify(name);
    if (key === '') {
      reader.fail(`${field}.${index}`, `${JSON.stringify(name)} gives no page address: once titles are removed it has no letters a-z or digits (macrons and accents are fine); write the full name`);
    } else if (keys.has(key)) {
      reader.warn(`${field}.${index}`, `${JSON.stringify(name)} is the same as ${JSON.stringify(keys.get(key))}, listed already; remove one`);
    } else {
      keys.set(key, name);
      kept.push(name);
    }
  });
  return kept;
}
