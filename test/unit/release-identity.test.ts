import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseIdentity } from '../../src/validate/release-identity.js';

const url = (text: string) => new URL(text);

describe('releaseIdentity', () => {
  it('takes type and slug from the original address, as the shipped seed does', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/2024-07-12-x.md', url: url('https://www.beehive.govt.nz/release/prime-minister-leads-indo-pacific-four-nato') }), {
      ok: true,
      type: 'release',
      slug: 'prime-minister-leads-indo-pacific-four-nato',
    });
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', url: url('https://www.beehive.govt.nz/speech/pre-budget-speech') }), { ok: true, type: 'speech', slug: 'pre-budget-speech' });
  });

  it('uses "release" when the first segment is not a known type', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', url: url('https://www.example.govt.nz/news/budget-2024') }), { ok: true, type: 'release', slug: 'budget-2024' });
  });

  it('prefers the type and slug fields', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', type: 'feature', slug: 'my-slug', url: url('https://x.example/speech/other') }), { ok: true, type: 'feature', slug: 'my-slug' });
  });

  it('falls back to the file name, made safe', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/2024/Whānau Ora Hui.md' }), { ok: true, type: 'release', slug: 'whanau-ora-hui' });
  });

  it('falls back to the file name when the address ends in a slash or names only the type', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/b.md', url: url('https://x.example/release/') }), { ok: true, type: 'release', slug: 'b' });
  });

  it('makes percent-encoded path tricks in the address into a plain slug', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', url: url('https://x.example/release/..%2f..%2fetc%2fpasswd') }), { ok: true, type: 'release', slug: 'etc-passwd' });
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', url: url('https://x.example/release/%E0%A4%A') }), { ok: true, type: 'release', slug: 'e0-a4-a' });
  });

  it('cuts an over-long segment to 100 characters', () => {
    const identity = releaseIdentity({ file: 'seeds/a.md', url: url(`https://x.example/release/${'word-'.repeat(50)}`) });
    assert.ok(identity.ok && identity.slug.length <= 100 && /^[a-z0-9-]+$/.test(identity.slug));
  });

  it('refuses a given slug that is not already valid, suggesting one', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', slug: '../Budget 2024' }), {
      ok: false,
      field: 'slug',
      message: '"../Budget 2024" is not a valid slug: use lower-case letters a-z, digits and single hyphens, at most 100 characters (such as "budget-2024")',
    });
    assert.equal(releaseIdentity({ file: 'seeds/a.md', slug: 'a'.repeat(101) }).ok, false);
    assert.equal(releaseIdentity({ file: 'seeds/a.md', slug: '/etc/passwd' }).ok, false);
  });

  it('refuses an unknown type', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/a.md', type: 'blog' }), {
      ok: false,
      field: 'type',
      message: 'unknown type "blog"; expected one of release, speech, feature, ministerial-diary',
    });
  });

  it('refuses when no slug can be made', () => {
    assert.deepEqual(releaseIdentity({ file: 'seeds/___.md', url: url('https://x.example/release/') }), {
      ok: false,
      field: 'slug',
      message: 'no slug can be made from the address or the file name; add a line such as "slug: budget-2024-announced"',
    });
  });
});
