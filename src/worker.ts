/** A worker thread of `lintFiles`: lints the files the main thread hands it, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { activeRulesCache, lintFileJob, type FileJob, type LintFilesOptions } from './lint.js';

const options = workerData as LintFilesOptions;
const rulesFor = activeRulesCache();

parentPort!.on('message', async (message: { index: number; job: FileJob }) => {
  const linted = await lintFileJob(message.job, options, rulesFor(message.job.config.rules));
  parentPort!.postMessage({ index: message.index, linted });
});
