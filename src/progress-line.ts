/** A one-line progress display on a terminal, shown only once a build has run for a second, and wiped at the end. */

/** Where progress is drawn: a writable that may be a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const DELAY_MS = 1000;
const REDRAW_MS = 100;
const LABELS = { read: 'Reading releases', render: 'Rendering releases', pages: 'Rendering pages', write: 'Writing files' } as const;

/** A progress callback for build(), and `done` to wipe the line; undefined when the stream is not a terminal. */
export function progressLine(stream: ProgressStream, now: () => number = Date.now): { update: (stage: keyof typeof LABELS, done: number, total: number) => void; done: () => void } | undefined {
  if (!stream.isTTY) return undefined;
  const started = now();
  let drawn = false;
  let lastDraw = 0;
  return {
    update(stage, done, total) {
      const time = now();
      const stageChanged = done === 0;
      if (time - started < DELAY_MS || (!stageChanged && done < total && time - lastDraw < REDRAW_MS)) return;
      lastDraw = time;
      drawn = true;
      const count = stage !== 'write' ? `${done.toLocaleString('en')}/${total.toLocaleString('en')}` : total.toLocaleString('en');
      stream.write(`\r\x1b[2K${LABELS[stage]}: ${count}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
