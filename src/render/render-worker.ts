/** A render worker thread: receives batches of release files, answers with their outcomes in the same order. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Settings, SourceFile } from '../types.js';
import { renderRelease } from './render-release.js';

const settings = workerData as Settings;
parentPort!.on('message', (batch: SourceFile[]) => {
  parentPort!.postMessage(batch.map((source) => renderRelease(source, settings)));
});
