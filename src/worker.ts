/**
 * A worker process of `lintFiles`: receives the run's options, then lints the files the
 * main process hands it, one at a time, and exits when the main process disconnects.
 */
import { activeRulesCache, lintFileJob, type FileJob, type LintFilesOptions } from './lint.js';

const rulesFor = activeRulesCache();
let options: LintFilesOptions = {};
// Files are linted in the order they arrive, one after the other.
let queue = Promise.resolve();

process.on('message', (message: { options: LintFilesOptions } | { index: number; job: FileJob }) => {
  if ('options' in message) {
    options = message.options;
    return;
  }
  queue = queue.then(async () => {
    const linted = await lintFileJob(message.job, options, rulesFor(message.job.config.rules));
    process.send!({ index: message.index, linted });
  });
});
// The main process is gone (done, or killed): nothing more will come.
process.on('disconnect', () => process.exit(0));
