import type { Rule } from '../src/types.js';
import { duplicateParagraph } from './duplicate-paragraph.js';
import { endMarker } from './end-marker.js';
import { frontMatter } from './front-matter.js';
import { truncatedSentence } from './truncated-sentence.js';
import { scrapeResidue } from './scrape-residue.js';
import { crossFileDuplicate } from './cross-file-duplicate.js';

/** Every rule scrapelint has, in the order they run. */
export const rules: Rule<any>[] = [duplicateParagraph, endMarker, truncatedSentence, frontMatter, scrapeResidue, crossFileDuplicate];
