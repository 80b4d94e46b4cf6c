/** The "pressroom" key of package.json → Settings with defaults, or every problem with it. */
import { decodeText } from '../load/decode-text.js';
import { describeValue, error, warning } from '../problems.js';
import type { Problem, SearchMode, Settings, SourceFile } from '../types.js';
import { checkUrl } from './check-url.js';
import { suggestKey } from './suggest-key.js';

/** Settings a project gets when package.json says nothing. */
export const DEFAULT_SETTINGS: Settings = {
  title: 'Press releases',
  baseUrl: 'http://localhost:4000/',
  language: 'en-NZ',
  timeZone: 'Pacific/Auckland',
  pageSize: 20,
  feedSize: 20,
  publisher: 'Press releases',
  search: 'optional',
};

const SEARCH_MODES: readonly SearchMode[] = ['optional', 'required'];

/** Settings with no default: absent unless package.json gives them. */
const OPTIONAL_KEYS: (keyof Settings)[] = ['contactEmail'];

const KEYS = [...(Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]), ...OPTIONAL_KEYS];

/** Deliberately loose: one "@", no spaces, a dot in the domain; catches a name or a URL given by mistake. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Values given for one build that take precedence over package.json ("--base-url"). */
export type SettingsOverrides = Partial<Pick<Settings, 'baseUrl'>>;

/** Settings always come back (defaults where a value is bad), so the rest of the site can still be checked. */
export function validateSettings(source: SourceFile, overrides: SettingsOverrides = {}): { settings: Settings; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = source.path;
  const given = readPressroomKey(source, problems);
  const lineOf = (key: string) => lineOfKey(source, key);
  const fail = (key: string, message: string) => problems.push(error(file, message, { line: lineOf(key), field: `pressroom.${key}` }));

  for (const key of Object.keys(given)) {
    if ((KEYS as string[]).includes(key)) continue;
    const suggestion = suggestKey(key, KEYS);
    problems.push(warning(file, `unknown setting is ignored${suggestion ? `; did you mean "${suggestion}"?` : `; known settings are ${KEYS.join(', ')}`}`, { line: lineOf(key), field: `pressroom.${key}` }));
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const text = (key: keyof Settings): string | undefined => {
    const value = given[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    fail(key, `expected non-empty text, got ${describeValue(value)}`);
    return undefined;
  };

  const title = text('title');
  if (title !== undefined) settings.title = title;
  settings.publisher = text('publisher') ?? settings.title;

  const baseUrl = overrides.baseUrl ?? text('baseUrl');
  if (baseUrl !== undefined) {
    // A value given with --base-url is blamed on the command line, not on a package.json that may not even hold one.
    const failBaseUrl = overrides.baseUrl === undefined
      ? (message: string) => fail('baseUrl', message)
      : (message: string) => problems.push(error('command line', message, { field: '--base-url' }));
    const checked = checkUrl(baseUrl);
    if (!checked.ok) failBaseUrl(`${checked.message}; it is the address the site is published at, such as "https://www.example.govt.nz/news/"`);
    else if (checked.url.search || checked.url.hash) failBaseUrl('must not have a "?" query or "#" fragment');
    else settings.baseUrl = checked.url.href.endsWith('/') ? checked.url.href : `${checked.url.href}/`;
  }

  const language = text('language');
  if (language !== undefined) {
    try {
      settings.language = Intl.getCanonicalLocales(language)[0] ?? language;
    } catch {
      fail('language', `${JSON.stringify(language)} is not a language tag; expected one such as "en-NZ" or "mi"`);
    }
  }

  const timeZone = text('timeZone');
  if (timeZone !== undefined) {
    try {
      settings.timeZone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    } catch {
      fail('timeZone', `${JSON.stringify(timeZone)} is not a time zone; expected an IANA name such as "Pacific/Auckland"`);
    }
  }

  for (const key of ['pageSize', 'feedSize'] as const) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000) settings[key] = value;
    else fail(key, `expected a whole number from 1 to 1000, got ${describeValue(value)}`);
  }

  const search = given.search;
  if (search !== undefined) {
    if (SEARCH_MODES.includes(search as SearchMode)) settings.search = search as SearchMode;
    else fail('search', `expected "optional" (build without search, with a warning, when the index cannot be made) or "required" (fail the build instead), got ${describeValue(search)}`);
  }

  const contactEmail = text('contactEmail');
  if (contactEmail !== undefined) {
    if (EMAIL.test(contactEmail)) settings.contactEmail = contactEmail;
    else fail('contactEmail', `expected an email address such as "press@example.govt.nz", got ${JSON.stringify(contactEmail)}`);
  }
  return { settings, problems };
}

function readPressroomKey(source: SourceFile, problems: Problem[]): Record<string, unknown> {
  if (source.bytes.length === 0) return {};
  const decoded = decodeText(source.bytes);
  if (!decoded.ok) {
    problems.push(error(source.path, 'is not valid UTF-8 text', { line: decoded.line }));
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (cause) {
    problems.push(error(source.path, `is not valid JSON: ${(cause as Error).message}`));
    return {};
  }
  const settings = (json as Record<string, unknown> | null)?.pressroom;
  if (settings === undefined) return {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    problems.push(error(source.path, `expected an object of settings, got ${describeValue(settings)}`, { line: lineOfKey(source, 'pressroom'), field: 'pressroom' }));
    return {};
  }
  return settings as Record<string, unknown>;
}

/** The line of a key's first appearance after "pressroom": JSON.parse keeps no positions, and keys are rarely repeated. */
function lineOfKey(source: SourceFile, key: string): number | undefined {
  const text = Buffer.from(source.bytes).toString('utf8');
  const index = text.indexOf(`"${key}"`, key === 'pressroom' ? 0 : Math.max(0, text.indexOf('"pressroom"')));
  return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}
