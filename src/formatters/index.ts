import type { Formatter } from './types.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const formatters: Record<string, Formatter> = { stylish, json, compact, github, junit, sarif, html };
export type { Formatter, FormatContext } from './types.js';
