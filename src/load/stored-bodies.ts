/**
 * Release bodies left in the render cache's shards. A build reads and checks each shard once, then keeps only where
 * each body lies in it, and reads back the bytes of the pages and feeds it renders: a warm build renders few, and at
 * 71,000 releases the bodies are 330 MB.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { StoredBody, type BodyStore } from '../render/body-bytes.js';
import type { ReleaseOutcome } from '../render/render-releases.js';

/** A shard file's bytes, and the file they were read from as it was then. */
export interface ShardFile {
  bytes: Buffer;
  store: BodyStore;
}

/**
 * Memory that shard after shard is read into. Fresh memory is dear here: a new buffer for each of the 256 shards of
 * 10,000 releases (45 MB) made reading them take 250-320 ms, where reading them into one reused buffer took 20 ms.
 * Each fresh page of memory costs a fault, and a buffer this large goes back to the system as soon as it is let go.
 */
export interface ReadBuffer {
  buffer: Buffer;
}

export function readBuffer(): ReadBuffer {
  return { buffer: Buffer.allocUnsafeSlow(0) };
}

/**
 * Reads a shard file whole; undefined when it cannot be read. With `into`, the bytes are a view of its buffer, good
 * until the next read into it (storeBodies keeps no view of them).
 */
export function readShardFile(file: string, into: ReadBuffer = readBuffer()): ShardFile | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // The stat and the bytes come from one open file, so they describe the same file even if it is replaced meanwhile.
    const seen = fstatSync(fd);
    if (into.buffer.length < seen.size) into.buffer = Buffer.allocUnsafeSlow(Math.max(seen.size, 2 * into.buffer.length));
    const bytes = into.buffer.subarray(0, seen.size);
    readRange(fd, 0, seen.size, file, bytes);
    return { bytes, store: shardStore(file, seen) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The outcomes with each body that is a view of the shard's bytes replaced by where it lies in the file, so the
 * bytes can go. A body that is not such a view stays as it is.
 */
export function storeBodies(shard: ShardFile, entries: [string, ReleaseOutcome][]): [string, ReleaseOutcome][] {
  const { bytes, store } = shard;
  return entries.map(([key, outcome]) => {
    const html = outcome.release?.html;
    if (!(html instanceof Uint8Array) || html.buffer !== bytes.buffer) return [key, outcome];
    const body = new StoredBody(key, store, html.byteOffset - bytes.byteOffset, html.byteLength);
    return [key, { ...outcome, release: { ...outcome.release!, html: body } }];
  });
}

/**
 * Reads a range of the shard back, from the same file: one replaced since (its inode differs) or changed in place
 * (its size or times differ) is refused, since its bytes were never checked. Only a second build writing the same
 * project's cache at the same time can do that.
 */
function shardStore(file: string, seen: Stats): BodyStore {
  return {
    read(offset, length) {
      const fd = openSync(file, 'r');
      try {
        const now = fstatSync(fd);
        if (now.ino !== seen.ino || now.size !== seen.size || now.mtimeMs !== seen.mtimeMs || now.ctimeMs !== seen.ctimeMs) {
          throw new Error(`${file} changed while this build was using it, so a release body in it cannot be trusted: another build of the same project may be running; build again once it has finished`);
        }
        return readRange(fd, offset, length, file);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** `length` bytes of an open file from `offset`, into `bytes` if given; `file` names it in the error if it ends first. */
export function readRange(fd: number, offset: number, length: number, file: string, bytes: Uint8Array = new Uint8Array(length)): Uint8Array {
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) throw new Error(`${file} ended before a release body stored in it`);
    done += read;
  }
  return bytes;
}
