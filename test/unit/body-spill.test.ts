/** The spill a build keeps rendered bodies in: bodies come back byte for byte, and the file never outlives the spill. */
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bodyBytes, StoredBody, templateText } from '../../src/render/body-bytes.js';
import { openBodySpill } from '../../src/write/body-spill.js';
import { makeFolder, removeProject } from '../helpers/project.js';

const folders: string[] = [];
after(() => Promise.all(folders.map(removeProject)));

async function folder(): Promise<string> {
  folders.push(await makeFolder());
  return folders.at(-1)!;
}

describe('body spill', () => {
  it('gives back each body as it was kept, with its key, batch after batch, from a file no one else sees', async () => {
    const where = await folder();
    const spill = openBodySpill(where)!;
    const texts = ['<p>Kia ora, “everyone”.</p>', `<p>${'Tēnā koutou. '.repeat(500)}</p>`, '', '<p>Third.</p>'];
    const first = spill.keep(texts.slice(0, 2).map((text, i) => ({ bytes: bodyBytes(text), renderKey: `k${i}` })))!;
    const second = spill.keep(texts.slice(2).map((text, i) => ({ bytes: bodyBytes(text), renderKey: `k${i + 2}` })))!;
    const stored = [...first, ...second];
    assert.deepEqual(stored.map((body) => body.renderKey), ['k0', 'k1', 'k2', 'k3']);
    assert.ok(stored.every((body) => body instanceof StoredBody));
    // Backwards and twice over: each read is of its own range.
    for (const round of [0, 1]) for (let i = texts.length - 1; i >= 0; i--) assert.equal(templateText(stored[i]), texts[i], `body ${i}, round ${round}`);
    assert.deepEqual(await readdir(where), [], 'the file is unlinked once opened');
    spill.close();
    assert.throws(() => stored[0]!.bytes(), /after the build closed/);
    assert.equal(spill.keep([{ bytes: bodyBytes('<p>late</p>'), renderKey: 'k' }]), undefined, 'a closed spill takes nothing');
    spill.close();
  });

  it('is not made where no folder can be, and the build holds its bodies instead', async () => {
    const file = path.join(await folder(), 'a-file');
    await writeFile(file, 'not a folder');
    assert.equal(openBodySpill(path.join(file, 'cache')), undefined);
  });
});
