#!/usr/bin/env node
import { run } from '../dist/bundle/cli.js';

// `scrapelint … | head`: the reader went away; stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`scrapelint crashed: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
