/**
 * How a piece of prose ends: finished like a sentence, or cut off. Works on the
 * plain text of a block (inline Markdown already removed).
 */

/** Characters that finish a sentence in Japanese or English text. */
const TERMINALS = new Set([...'。．！？!?.…‥♪☆★♡♥〜～ｗ笑']);
/** Characters that may follow the terminal: closing quotes and brackets, emphasis. */
const TRAILERS = new Set([...'」』）)】］]"”’\'〕》〉>*_~` \t\u3000']);
/** A text ending in one of these clearly stops mid-sentence. */
const CONTINUATIONS = new Set([...'、，,・（(「『【［[“‘〔《〈—–-']);
/** A Japanese particle right after a non-hiragana word cannot end a finished sentence. */
const JA_PARTICLE_END = /[\p{Script=Han}\p{Script=Katakana}ー\p{L}\d](?<!\p{Script=Hiragana})[をにがはでへとのもや]$/u;
/**
 * Conjunctive forms that cannot end a written Japanese sentence: the te-form (切れて,
 * 読んで), and が / けど / ので / ながら after a predicate (ですが, 思うけど). Compound
 * particles that end a title ("…について", "…に向けて") are not te-forms of a clause.
 */
const JA_CONJUNCTIVE_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー](?<!(?:につい|に関し|に対し|に向け|とし|にとっ|におい))(?:て|んで)$|(?:ですが|ますが|けど|けれど|けれども|ので|ながら)$/u;

/** English words that cannot end a finished sentence: articles, prepositions, conjunctions,
 * determiners, subject pronouns, modals and intensifiers that need what follows. Words that
 * can close one ("more", "all", "too", "have", "should", "so", "there", "though", "each",
 * "through", "a while") are not here. */
const EN_STOPWORDS = /\b(?:the|a|an|of|to|and|or|with|for|in|on|at|by|from|that|which|is|are|was|were|as|but|if|into|than|its|their|our|your|this|these|those|very|such|every|whose|whether|because|although|between|would|could|might|my|his|we|they|when)$/i;

/**
 * A pronoun with its auxiliary contracted (we're, I'm, they've, you'll, she'd) is never the
 * last word of a clause: English strands only the full form ("…than we are", not "…than
 * we're"). After a modal (`should've`) or a verb (`cc'd`, `OK'd`) a contraction may close a
 * casual sentence, and 's may be a possessive (`…is John's`): those are left out.
 */
const EN_CONTRACTED_END = /\b(?:I|you|we|they|he|she|it|who|there|that)['’](?:re|ve|ll|d|m)$/i;

/**
 * Abbreviations that introduce what follows them, so no sentence ends on them. A title is
 * capitalised: `…under 50 ms.` ends on a unit.
 */
const NEVER_FINAL_ABBREVIATION = /(?:^|[\s(（[])(?:[Ee]\.[Gg]|[Ii]\.[Ee]|[Cc]f|[Vv]s|[Vv]iz|Mr|Mrs|Ms|Dr)\.$/;

export type Ending = 'finished' | 'open' | 'unfinished';

/**
 * - `finished`: ends in terminal punctuation (possibly inside closing quotes), an emoji or
 *   a line-ending sign such as ♪.
 * - `unfinished`: ends in a comma, an opening bracket, a particle or a stop word: clearly cut.
 * - `open`: ends without punctuation (a noun, a word): cut, or a heading-like line.
 */
export function sentenceEnding(text: string): Ending {
  // "()" closes a casual Japanese sentence like (笑).
  if (/\(\)$|（）$/.test(text)) return 'finished';
  // A text emoticon after the words (":-)", ";)", ":D", "^^") is not punctuation: the
  // words before it decide ("私を生かし続けてくれ。 :-)" is finished; its ":" continues nothing).
  // (At most three, from the last 64 characters: the rest of a hostile line is not read.)
  for (let k = 0; k < 3; k++) {
    const tail = text.slice(-64);
    const emoticon = /\s(?:[:;=]-?[)(DPp]|\^_?\^)$/.exec(tail);
    if (!emoticon || emoticon.index === 0) break;
    text = text.slice(0, text.length - tail.length + emoticon.index).trimEnd();
  }
  // An inline code span left open: the text was cut inside it ("…を指定する `.").
  if ((text.match(/`/g)?.length ?? 0) % 2 === 1) return 'unfinished';
  let end = text.length;
  while (end > 0 && TRAILERS.has(text[end - 1])) end--;
  if (end === 0) return 'finished';
  const last = text[end - 1];
  // An abbreviation that never ends a sentence ("(e.g.", "i.e.", "cf.", "vs.", "Dr."): the
  // text was cut right after it.
  if (last === '.' && NEVER_FINAL_ABBREVIATION.test(text.slice(Math.max(0, end - 8), end))) return 'unfinished';
  if (TERMINALS.has(last)) return 'finished';
  // A link text left open, unless the sentence finished ("Press Cmd+[ to go back.").
  if (/\[[^\]]*$/.test(text)) return 'unfinished';
  // "w" closes a casual Japanese sentence (laughter), not an English word.
  if (last === 'w' && /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]w+$/u.test(text.slice(0, end))) return 'finished';
  const code = text.codePointAt(Math.max(0, end - 2)) ?? 0;
  if (/\p{Extended_Pictographic}/u.test(String.fromCodePoint(code)) || /\p{Extended_Pictographic}/u.test(last)) return 'finished';
  if (CONTINUATIONS.has(last)) return 'unfinished';
  const body = text.slice(0, end);
  // A particle after a kanji/katakana/Latin word: "AIを一部の" is cut, "ものの" may not be.
  if (JA_PARTICLE_END.test(body) || JA_CONJUNCTIVE_END.test(body)) return 'unfinished';
  if ((EN_STOPWORDS.test(body) || EN_CONTRACTED_END.test(body)) && /\s\S+$/.test(body)) return 'unfinished';
  return 'open';
}

const PAIRS: Record<string, string> = {
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '【': '】',
  '“': '”',
  '［': '］',
  '〔': '〕',
  '《': '》',
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/** The closer an opening bracket or quote pairs with (`(` → `)`), if it is one. */
export function closerOf(char: string): string | undefined {
  return PAIRS[char];
}

/** The opener a closing bracket or quote pairs with (`)` → `(`), if it is one. */
export function openerOf(char: string): string | undefined {
  return CLOSERS.get(char);
}

export interface Unbalanced {
  /** Offset in the text of the unmatched bracket. */
  offset: number;
  char: string;
  kind: 'unclosed' | 'unopened';
}

/**
 * The first bracket or quote without its partner, or undefined. Enumerators such as
 * `1)` and `a)` and emoticons are left alone; URLs are skipped (they contain brackets).
 */
export function findUnbalancedBracket(text: string): Unbalanced | undefined {
  // A Markdown link's destination first ("[spec](https://…/x/) text": its ")" closes it), then bare URLs.
  const cleaned = text.replace(/\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/g, (link) => ']' + ' '.repeat(link.length - 1)).replace(/https?:\/\/\S+/g, (url) => ' '.repeat(url.length));
  const stack: { char: string; offset: number }[] = [];
  for (let i = 0; i < cleaned.length; i++) {
    const char = cleaned[i];
    if (char in PAIRS) {
      stack.push({ char, offset: i });
      continue;
    }
    // A straight quote closing a curly one (“skip") is a typo, not a cut.
    if (char === '"') {
      const curly = findLastIndex(stack, '“');
      if (curly !== -1) stack.length = curly;
      continue;
    }
    const opener = CLOSERS.get(char);
    if (opener === undefined) continue;
    const index = findLastIndex(stack, opener);
    if (index === -1) {
      if (char === ')' && (isEnumerator(cleaned, i) || isEmoticon(cleaned, i))) continue;
      // Mixed full-width/half-width pairs "（…)" are common and harmless.
      const mixed = char === ')' ? findLastIndex(stack, '（') : char === '）' ? findLastIndex(stack, '(') : -1;
      if (mixed !== -1) {
        stack.length = mixed;
        continue;
      }
      return { offset: i, char, kind: 'unopened' };
    }
    stack.length = index;
  }
  const open = stack[0];
  return open ? { offset: open.offset, char: open.char, kind: 'unclosed' } : undefined;
}

function findLastIndex(stack: { char: string }[], char: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].char === char) return i;
  return -1;
}

/** `:)`, `;-)`, `^^)`: a smiley, not a closing bracket. */
function isEmoticon(text: string, index: number): boolean {
  return /[:;=^][-^]?$/.test(text.slice(Math.max(0, index - 2), index));
}

/** `1)`, `a)`, `iv)` at the start of a line or after a space: a list enumerator. */
function isEnumerator(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && /[0-9A-Za-z]/.test(text[start - 1])) start--;
  return start < index && index - start <= 3 && (start === 0 || /[\s、，,（(]/.test(text[start - 1]));
}
