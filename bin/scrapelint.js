#!/usr/bin/env node
import { run } from '../dist/bundle/cli.js';

run(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`scrapelint crashed: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
