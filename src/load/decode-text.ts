/** Bytes to text: UTF-8 only, a byte-order mark dropped and CRLF line endings made LF, so both simply work. */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The decoded text, or the line of the first byte that is not UTF-8. */
export type Decoded = { ok: true; text: string } | { ok: false; line: number };

/** Decodes a file's bytes; never guesses another encoding, since a wrong guess puts garbage on a page. */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/\r\n?/g, '\n') };
  } catch {
    return { ok: false, line: lineOfFirstBadByte(bytes) };
  }
}

function lineOfFirstBadByte(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    try {
      utf8.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
