/** A worker thread of `lintFiles`: lints the files the main thread hands it, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, type LintFilesOptions } from './lint.js';
import { resolveRules } from './engine.js';

const options = workerData as LintFilesOptions;
const active = resolveRules(options.rules);

parentPort!.on('message', async (message: { index: number; file: string }) => {
  const result = await lintFile(message.file, options, active);
  parentPort!.postMessage({ index: message.index, result });
});
