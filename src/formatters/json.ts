import type { Formatter } from './types.js';

/** ESLint's JSON shape: an array of results, each with its messages and counts. */
export const json: Formatter = (results) => JSON.stringify(results);
