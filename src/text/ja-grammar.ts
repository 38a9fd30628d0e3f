/**
 * Whether a Japanese clause can end where a text stops, decided from its last
 * morphemes (IPADIC part-of-speech tags from lindera, a maintained analyzer).
 *
 * The analyzer costs ~0.25 s and ~170 MB to load, so it is loaded on the first call
 * only: callers ask only about endings the cheap character checks of sentence-end.ts
 * cannot settle, at the places where a cut matters (the article's end, before a marker
 * or a re-emitted copy). A run over finished articles never loads it.
 */
import { createRequire } from 'node:module';

export type ClauseEnd = 'finished' | 'unfinished' | 'open';

/** A morpheme as lindera returns it; unknown words (pos `UNK`) carry no subcategories. */
interface RawToken {
  surface: string;
  partOfSpeech: string;
  partOfSpeechSubcategory1?: string;
  partOfSpeechSubcategory2?: string;
  /** lindera names IPADIC's 活用形 (基本形, 連用形 …) `conjugationType`. */
  conjugationType?: string;
}

interface Token {
  surface: string;
  pos: string;
  sub1: string;
  sub2: string;
  form: string;
}

interface Tokenizer {
  tokenize(text: string): RawToken[];
}

/** undefined: not tried yet; null: could not be loaded (the caller falls back to characters). */
let tokenizer: Tokenizer | null | undefined;
const stats = { loads: 0, calls: 0 };

function load(): Tokenizer | null {
  if (tokenizer !== undefined) return tokenizer;
  try {
    // A runtime require keeps the 13 MB WebAssembly module out of the bundle and out of
    // every start that does not need it.
    const require = createRequire(import.meta.url);
    const { TokenizerBuilder } = require('lindera-wasm-nodejs-ipadic') as { TokenizerBuilder: new () => { setDictionary(uri: string): void; setMode(mode: string): void; build(): Tokenizer } };
    const builder = new TokenizerBuilder();
    builder.setDictionary('embedded://ipadic');
    builder.setMode('normal');
    tokenizer = builder.build();
    stats.loads++;
  } catch {
    tokenizer = null;
  }
  return tokenizer;
}

/** How often this process loaded the analyzer (0 or 1) and asked it about an ending: for tests and benchmarks. */
export function analyzerStats(): { loads: number; calls: number } {
  return { ...stats };
}

/** The longest tail analysed: the last clause is all that decides, and a hostile file cannot make it costly. */
const MAX_TAIL = 80;

/** Adverbs and set phrases that close a request or a greeting: "お気軽にどうぞ", "今後ともよろしく". */
const CLOSING_WORDS = new Set(['どうぞ', 'よろしく', 'ありがとう', 'おめでとう', 'さようなら', 'お疲れさま', 'お疲れ様']);

/**
 * How the Japanese text ends, by grammar.
 * - `unfinished`: after a conjunctive, case or binding particle (て, が, を, の, は, も),
 *   a continuative, irrealis or conditional form without its auxiliary (収集し, 行い,
 *   早く), a conjunction or an adnominal (その): no sentence ends there.
 * - `finished`: after a request, imperative or volitional form (ください, しましょう),
 *   a sentence-final particle after a predicate (ですよね, だよ), an interjection or a
 *   closing word (ありがとう, どうぞ).
 * - `open`: anything else, including a noun (体言止め) and plain forms (する, した,
 *   新しい), which are also what a cut before a noun leaves: "…を考慮した|計画".
 * Returns undefined when the analyzer cannot be loaded.
 */
export function japaneseClauseEnd(text: string): ClauseEnd | undefined {
  const analyzer = load();
  if (!analyzer) return undefined;
  stats.calls++;
  // The last clause: after the last sentence end, at most MAX_TAIL characters.
  const trimmed = text.trimEnd();
  const lastStop = Math.max(trimmed.lastIndexOf('。'), trimmed.lastIndexOf('！'), trimmed.lastIndexOf('？'));
  const tail = trimmed.slice(Math.max(lastStop + 1, trimmed.length - MAX_TAIL));
  const tokens = analyzer
    .tokenize(tail)
    .map((raw): Token => ({ surface: raw.surface, pos: raw.partOfSpeech, sub1: raw.partOfSpeechSubcategory1 ?? '', sub2: raw.partOfSpeechSubcategory2 ?? '', form: raw.conjugationType ?? '' }))
    .filter((token) => token.pos !== '記号' && token.surface.trim() !== '');
  if (tokens.length === 0) return 'open';
  // Half of a polite ending, which the dictionary reads as a word of its own: 上限があり|ま
  // (ありま, a place name), 確認し|ま (しま, an island), 設定してくださ|い.
  if (HALF_POLITE_ENDING.test(tail)) return 'unfinished';
  // The predicate before a chain of final particles (だ|よ|ね).
  let before = tokens.length - 2;
  while (before >= 0 && tokens[before].sub1.includes('終助詞')) before--;
  return classify(tokens.at(-1)!, tokens[before]);
}

const PREDICATES = new Set(['動詞', '助動詞', '形容詞']);

function classify(token: Token, previous: Token | undefined): ClauseEnd {
  const { pos, sub1, sub2, form, surface } = token;
  if (CLOSING_WORDS.has(surface)) return 'finished';
  switch (pos) {
    case '助詞':
      // か is tagged 副助詞／並立助詞／終助詞. A final particle finishes a predicate; after
      // a noun, or as さ, it is often a word cut in half (保存|さ, くださ|い).
      // な ends a plain form (するな, いいな) and a verb's continuative (聞きな, a casual
      // imperative); after an auxiliary's continuative or conditional, or a conjunctive
      // particle, it is the first kana of a word cut in half (だけでな|く, なければな|らない).
      if (surface === 'な' && sub1.includes('終助詞') && previous && ((previous.pos === '助動詞' && /^(?:連用|仮定)/.test(previous.form)) || previous.sub1 === '接続助詞')) return 'unfinished';
      // After an adnominal (その|よ) a noun must follow: no particle closes there. (同じ,
      // tagged 連体詞, is also predicative: 結果は同じよ.)
      if (sub1.includes('終助詞') && previous?.pos === '連体詞' && previous.surface !== '同じ') return 'unfinished';
      if (sub1.includes('終助詞')) return surface !== 'さ' && previous && PREDICATES.has(previous.pos) ? 'finished' : 'open';
      // …について, …として: compound particles that close a title-like line.
      if (sub2 === '連語') return 'open';
      if (sub1 === '接続助詞' || sub1 === '格助詞' || sub1 === '連体化' || sub1 === '係助詞' || sub1 === '並立助詞' || sub1 === '副詞化') return 'unfinished';
      return 'open';
    case '助動詞':
    case '動詞':
    case '形容詞':
      if (form.startsWith('命令') || (pos === '助動詞' && form === '基本形' && POLITE.has(surface))) return 'finished';
      // す alone, the classical plain form of する, is in modern prose the first kana of
      // する, すれば or すべき cut off (マイグレーションを|す).
      if (pos === '動詞' && surface === 'す') return 'unfinished';
      if (/^(?:連用|未然|仮定|体言接続)/.test(form)) return 'unfinished';
      return 'open';
    case '感動詞':
      // A single kana tagged as an interjection is half a word (なりま|す, 「…）ま」); two
      // are too short to tell.
      return [...surface].length >= 3 ? 'finished' : SINGLE_KANA.test(surface) ? 'unfinished' : 'open';
    case 'UNK':
      // A single kana the dictionary does not know is half a word (デフォルトの|ス).
      return SINGLE_KANA.test(surface) && surface !== 'ー' ? 'unfinished' : 'open';
    case '接続詞':
    case '連体詞':
    case '接頭詞':
      return 'unfinished';
    default:
      return 'open';
  }
}

/** One hiragana or katakana character. */
const SINGLE_KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** A continuative stem and the first kana of ます (あり|ま, し|ま), or くださ|い, ましょ|う, でしょ|う, after a word. */
const HALF_POLITE_ENDING = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:[りしきちにびみいえけせてねべめれげじぎ]ま|くださ|ましょ|でしょ)$/u;

/** Polite auxiliaries that end a sentence in their plain form: 〜です, 〜ます, 〜ましょう. */
const POLITE = new Set(['です', 'ます', 'う']);
