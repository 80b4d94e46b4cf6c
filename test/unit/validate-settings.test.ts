import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem, sortProblems } from '../../src/problems.js';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/validate/validate-settings.js';

const packageJson = (text: string) => ({ path: 'package.json', bytes: Buffer.from(text) });
const withSettings = (settings: unknown) => packageJson(JSON.stringify({ name: 'x', pressroom: settings }, null, 2));
const report = (source: ReturnType<typeof packageJson>) => sortProblems(validateSettings(source).problems).map(formatProblem);

describe('validateSettings', () => {
  it('fills defaults when package.json says nothing, or is missing', () => {
    assert.deepEqual(validateSettings(packageJson('{"name": "x"}')), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(validateSettings({ path: 'package.json', bytes: new Uint8Array() }), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads every setting, canonicalising the language and ending baseUrl in "/"', () => {
    const { settings, problems } = validateSettings(withSettings({ title: ' Office ', baseUrl: 'https://x.example/news', language: 'mi-nz', timeZone: 'America/Los_Angeles', pageSize: 5 }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      ...DEFAULT_SETTINGS,
      title: 'Office',
      baseUrl: 'https://x.example/news/',
      language: 'mi-NZ',
      timeZone: 'America/Los_Angeles',
      pageSize: 5,
      publisher: 'Office',
    });
  });

  it('lets --base-url override the setting', () => {
    assert.equal(validateSettings(withSettings({ baseUrl: 'https://a.example/' }), { baseUrl: 'https://b.example/x' }).settings.baseUrl, 'https://b.example/x/');
  });

  it('blames a bad --base-url on the command line, not on package.json', () => {
    const { problems } = validateSettings(withSettings({ baseUrl: 'https://a.example/' }), { baseUrl: 'notaurl' });
    assert.deepEqual(problems.map(formatProblem), [
      'command line --base-url: expected a full web address starting with https://, got "notaurl"; it is the address the site is published at, such as "https://www.example.govt.nz/news/"',
    ]);
  });

  it('reports each bad setting on its line with what is expected, keeping defaults', () => {
    const source = withSettings({ title: 3, baseUrl: 'https://x.example/?a=1', language: 'english please', timeZone: 'Auckland', pageSize: 2.5, theme: 'dark' });
    assert.deepEqual(report(source), [
      'package.json:4 pressroom.title: expected non-empty text, got the number 3',
      'package.json:5 pressroom.baseUrl: must not have a "?" query or "#" fragment',
      'package.json:6 pressroom.language: "english please" is not a language tag; expected one such as "en-NZ" or "mi"',
      'package.json:7 pressroom.timeZone: "Auckland" is not a time zone; expected an IANA name such as "Pacific/Auckland"',
      'package.json:8 pressroom.pageSize: expected a whole number from 1 to 1000, got the number 2.5',
      'package.json:9 warning: pressroom.theme: unknown setting is ignored; known settings are title, baseUrl, language, timeZone, pageSize, feedSize, publisher, search, contactEmail',
    ]);
    assert.deepEqual(validateSettings(source).settings, DEFAULT_SETTINGS);
  });

  it('refuses a relative or non-web baseUrl', () => {
    assert.deepEqual(report(withSettings({ baseUrl: '/news/' })), [
      'package.json:4 pressroom.baseUrl: expected a full web address starting with https://, got "/news/"; it is the address the site is published at, such as "https://www.example.govt.nz/news/"',
    ]);
  });

  it('refuses settings that are not an object, and package.json that is not JSON', () => {
    assert.deepEqual(report(withSettings('yes')), ['package.json:3 pressroom: expected an object of settings, got the text "yes"']);
    assert.match(report(packageJson('{ "name": '))[0] ?? '', /^package\.json is not valid JSON: /);
    assert.deepEqual(report({ path: 'package.json', bytes: Buffer.from([0x7b, 0xff, 0x7d]) }), ['package.json:1 is not valid UTF-8 text']);
  });
});
