/**
 * Bodies rendered by this build, kept in a temporary file rather than in memory. A cold build at 71,000 releases
 * renders 330 MB of them, and needs each one only to render its page and feeds and to save the render cache. Held,
 * they also stayed in the process once let go: the allocator keeps the small blocks it handed out. The file is
 * unlinked as soon as it is opened, so no build leaves one behind, even one that is killed: it is written and read
 * through its descriptor until it is closed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { readRange } from '../load/stored-bodies.js';
import { StoredBody, type BodyStore } from '../render/body-bytes.js';

/** Where a build keeps the bodies it renders (see openBodySpill). */
export interface BodySpill {
  /**
   * Appends the bodies to the file and gives them back as stored bodies, in order; undefined when the file could not
   * take them (a full disk, say), and the caller holds them instead.
   */
  keep(bodies: readonly { bytes: Uint8Array; renderKey: string }[]): StoredBody[] | undefined;
  /** Closes the file: its bodies can no longer be read. */
  close(): void;
}

/** An empty spill file in `folder`; undefined when none can be made there, and bodies are held as before. */
export function openBodySpill(folder: string): BodySpill | undefined {
  const file = path.join(folder, `bodies-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    mkdirSync(folder, { recursive: true });
    fd = openSync(file, 'wx+');
  } catch {
    return undefined;
  }
  // Where an open file cannot be unlinked (Windows), it is removed when the spill is closed.
  let linked = true;
  try {
    unlinkSync(file);
    linked = false;
  } catch {
    // Removed on close.
  }
  let open = true;
  let full = false;
  let size = 0;
  const store: BodyStore = {
    read(offset, length) {
      // A closed descriptor's number may already belong to another file.
      if (!open) throw new Error(`a release body was asked for after the build closed ${file}`);
      return readRange(fd, offset, length, file);
    },
  };
  return {
    keep(bodies) {
      if (!open || full) return undefined;
      const bytes = Buffer.concat(bodies.map((body) => body.bytes));
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, size + done);
      } catch {
        full = true;
        return undefined;
      }
      let offset = size;
      size += bytes.length;
      return bodies.map((body) => {
        const stored = new StoredBody(body.renderKey, store, offset, body.bytes.byteLength);
        offset += body.bytes.byteLength;
        return stored;
      });
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      if (linked) rmSync(file, { force: true });
    },
  };
}
