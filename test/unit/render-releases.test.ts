/** Rendering on worker threads: bodies kept in the spill as batches come back, and a file that fails to read. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { contentDigest } from '../../src/content-digest.js';
import { StoredBody, templateText } from '../../src/render/body-bytes.js';
import { renderReleases } from '../../src/render/render-releases.js';
import type { ReleaseSource } from '../../src/types.js';
import { validateSettings } from '../../src/validate/validate-settings.js';
import { openBodySpill } from '../../src/write/body-spill.js';
import { makeFolder, removeProject } from '../helpers/project.js';

let spillFolder: string | undefined;
after(() => (spillFolder ? removeProject(spillFolder) : undefined));

const settings = validateSettings({ path: 'package.json', bytes: Buffer.from('{"pressroom":{"title":"T","baseUrl":"https://example.org/"}}') }).settings;

function sources(count: number): ReleaseSource[] {
  return Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.from(`---\ntitle: Release ${i}\ndate: 2024-07-${String(i + 1).padStart(2, '0')}\nministers: [Hon Jane Doe]\nportfolios: [Health]\n---\nKia ora, “number ${i}”.\n`);
    return { path: `seeds/r${i}.md`, bytes, digest: contentDigest(bytes) };
  });
}

describe('renderReleases on worker threads', () => {
  it('takes the bodies rendered on worker threads, which read back as the main thread renders them', async () => {
    const files = sources(24);
    const cache = { salt: 'salt', entries: new Map() };
    spillFolder = await makeFolder();
    const spill = openBodySpill(spillFolder)!;
    try {
      const spilled = await renderReleases(files, settings, { cache, threads: 2, spill });
      const held = await renderReleases(files, settings, { threads: 0 });
      assert.equal(spilled.length, files.length);
      spilled.forEach((outcome, i) => {
        assert.deepEqual(outcome.problems, held[i]!.problems);
        assert.ok(outcome.release?.html instanceof StoredBody, `release ${i} is in the spill`);
        assert.equal(templateText(outcome.release.html), templateText(held[i]!.release!.html), `release ${i} reads back as rendered`);
      });
    } finally {
      spill.close();
    }
  });

  it('fails, rather than stopping the process, when a file cannot be read for a later batch', { timeout: 30_000 }, async () => {
    // Eight files a batch on two workers: the third batch is read when the first comes back.
    const files = sources(24);
    Object.defineProperty(files[20]!, 'bytes', {
      get() {
        throw new Error('ENOENT: seeds/r20.md is gone');
      },
    });
    await assert.rejects(renderReleases(files, settings, { threads: 2 }), /seeds\/r20\.md is gone/);
  });
});
