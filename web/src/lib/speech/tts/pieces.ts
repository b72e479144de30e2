// Cuts a question that is still streaming into speakable pieces: a short first clause so the voice starts early,
// then whole sentences, each with its [start, end) range in the question text. Pure; no timers, no I/O.

/** One piece of speech: what to say and where it sits in the question text. */
export interface SpeechPiece {
  /** 0-based, counted from the start of the current text (again from 0 after a reset). */
  index: number;
  /** What the synthesizer gets: markdown symbols and list markers removed, whitespace collapsed. */
  text: string;
  /** First character of the piece in the question text (markers and spaces before it excluded). */
  start: number;
  /** One past the last character of the piece in the question text. */
  end: number;
}

/** What one `update` or `append` produced. */
export interface SplitResult {
  /** True when the text no longer starts with the previous text (a retried turn): earlier pieces are void. */
  reset: boolean;
  pieces: SpeechPiece[];
}

/** Where pieces are cut; the defaults suit Kokoro. */
export interface SplitLimits {
  /** Words the first piece needs before a comma, semicolon, colon or dash may end it. */
  firstPieceMinWords: number;
  /** Past this many characters without a sentence end, a piece ends at its last clause boundary. */
  softMaxChars: number;
  /** Past this many characters without any boundary, a piece ends at its last space. */
  hardMaxChars: number;
}

/** The limits used when none are given. */
export const DEFAULT_SPLIT_LIMITS: SplitLimits = { firstPieceMinWords: 3, softMaxChars: 200, hardMaxChars: 320 };

/** A streaming splitter for one question. */
export interface PieceSplitter {
  /** Feeds the whole text so far; returns the pieces it completed. */
  update(text: string): SplitResult;
  /** Feeds a delta (appended to the text so far). */
  append(delta: string): SplitResult;
  /** The stream ended: returns the tail as the last piece(s). More text may still come later (it continues the text). */
  finish(): SpeechPiece[];
  /** The text so far. */
  readonly text: string;
  /** Where the next piece starts. */
  readonly cursor: number;
  /** Whether `finish` was called since the last new text. */
  readonly finished: boolean;
}

/** Creates a splitter; `limits` override the defaults. */
export function createPieceSplitter(limits: Partial<SplitLimits> = {}): PieceSplitter {
  const bounds: SplitLimits = { ...DEFAULT_SPLIT_LIMITS, ...limits };
  let text = '';
  let cursor = 0;
  let index = 0;
  let finished = false;

  function scan(final: boolean): SpeechPiece[] {
    const pieces: SpeechPiece[] = [];
    while (cursor < text.length) {
      const cut = findCut(text, cursor, index === 0, final, bounds);
      if (cut === WAIT) break;
      const piece = makePiece(text, cursor, cut, index);
      cursor = cut;
      if (piece) {
        pieces.push(piece);
        index++;
      }
    }
    return pieces;
  }

  const splitter: PieceSplitter = {
    update(next) {
      let reset = false;
      if (!next.startsWith(text)) {
        reset = true;
        cursor = 0;
        index = 0;
      }
      if (next !== text) finished = false;
      text = next;
      return { reset, pieces: scan(false) };
    },
    append(delta) {
      return splitter.update(text + delta);
    },
    finish() {
      finished = true;
      return scan(true);
    },
    get text() {
      return text;
    },
    get cursor() {
      return cursor;
    },
    get finished() {
      return finished;
    },
  };
  return splitter;
}

/** Splits a whole, finished text at once (the same cuts as streaming it). */
export function splitText(text: string, limits: Partial<SplitLimits> = {}): SpeechPiece[] {
  const splitter = createPieceSplitter(limits);
  return [...splitter.update(text).pieces, ...splitter.finish()];
}

/** Turns raw question text into what should be said: no markdown symbols, list markers or runs of whitespace. */
export function speakableText(raw: string, atLineStart = true): string {
  let text = raw.replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
  text = text.replace(/(?<=\n)[ \t]*(?:#{1,6}|>|[-+•*]|\d{1,3}[.)])[ \t]+/g, '');
  if (atLineStart) text = text.replace(/^[ \t]*(?:#{1,6}|>|[-+•*]|\d{1,3}[.)])[ \t]+/, '');
  text = text
    .replace(/[*`]+/g, '')
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    // Keeps "C#" and "F#"; drops heading and hashtag marks.
    .replace(/(?<![\p{L}\p{N}+])#+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}"'“‘([$€£¿¡]+/u, '');
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

/** A same-text comparison key for pieces: letters and digits only, lower case. */
export function pieceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Maps character ranges from one text onto a cleaned copy of it (markup dropped, whitespace collapsed). */
export interface RangeMap {
  /** The range in the target text, or null when none of the source range survived the cleaning. */
  map(start: number, end: number): [number, number] | null;
}

/**
 * A map from `source` ranges to `target` ranges when `target` is `source` with characters deleted and whitespace
 * changed (what committing a streamed question does); null when `target` is a different text.
 */
export function createRangeMap(source: string, target: string): RangeMap | null {
  if (source === target) return { map: (start, end) => (end > start ? [start, end] : null) };
  const toTarget = new Int32Array(source.length).fill(-1);
  let t = 0;
  let sourceChars = 0;
  let matched = 0;
  for (let s = 0; s < source.length; s++) {
    const char = source[s] ?? '';
    if (isSpace(char)) continue;
    sourceChars++;
    while (t < target.length && isSpace(target[t] ?? '')) t++;
    if (t < target.length && target[t] === char) {
      toTarget[s] = t;
      t++;
      matched++;
    }
  }
  while (t < target.length && isSpace(target[t] ?? '')) t++;
  // Warning: a short unrelated text can be a subsequence of a long one; only a few dropped characters are cleaning.
  const dropped = sourceChars - matched;
  if (t < target.length || dropped > Math.max(12, sourceChars * 0.1)) return null;
  return {
    map(start, end) {
      let first = -1;
      let last = -1;
      for (let s = Math.max(0, start); s < Math.min(end, source.length); s++) {
        const at = toTarget[s] ?? -1;
        if (at === -1) continue;
        if (first === -1) first = at;
        last = at;
      }
      return first === -1 ? null : [first, last + 1];
    },
  };
}

const WAIT = -1;
const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’)]}»';
const OPENERS = '"\'“‘([{«';

// Never end a sentence: titles and Latin shorthands (compared lower case, without the final period).
const ALWAYS_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'e.g', 'i.e', 'cf', 'approx', 'fig', 'eq', 'incl', 'viz', 'al', 'esp', 'resp', 'dept']);
// End a sentence only before a capital letter or an opening quote ("in the U.S. What", but "the U.S. market").
const AMBIGUOUS_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'no', 'vol', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Where the piece starting at `from` ends, or WAIT when the text so far cannot tell.
 * Warning: every decision looks only at text that has arrived, so any chunking of a stream gives the same pieces;
 * a boundary at the very end of the text waits for the next character (the LLM usually sends it in the same chunk).
 */
function findCut(text: string, from: number, first: boolean, final: boolean, limits: SplitLimits): number {
  const length = text.length;
  let i = from;
  let lineStart = from === 0 || text[from - 1] === '\n';
  let content = false;
  let lastClause = -1;
  let lastSpace = -1;
  while (i < length) {
    if (lineStart) {
      const after = skipLineMarker(text, i, final);
      if (after === WAIT) return WAIT;
      lineStart = false;
      i = after;
      continue;
    }
    const char = text[i] ?? '';
    if (char === '\n') {
      if (content) return i + 1;
      lineStart = true;
      i++;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(char)) content = true;
    if (TERMINATORS.includes(char)) {
      const end = sentenceEnd(text, from, i, final);
      if (end.kind === 'wait') return WAIT;
      if (end.kind === 'end' && content) return end.at;
      i = end.at;
      continue;
    }
    const clause = clauseEnd(text, i, final);
    if (clause === WAIT) return WAIT;
    if (clause !== null && content) {
      if (first && countWords(text.slice(from, i)) >= limits.firstPieceMinWords) return clause;
      lastClause = clause;
    }
    if (char === ' ' || char === '\t') lastSpace = i;
    const size = i + 1 - from;
    if (size >= limits.softMaxChars && lastClause > from) return lastClause;
    if (size >= limits.hardMaxChars && lastSpace > from) return lastSpace + 1;
    i++;
  }
  return final ? length : WAIT;
}

type SentenceEnd = { kind: 'wait' } | { kind: 'end'; at: number } | { kind: 'not'; at: number };

/** Whether the terminator at `i` ends a sentence: abbreviations, decimals, ellipses, closing quotes. */
function sentenceEnd(text: string, from: number, i: number, final: boolean): SentenceEnd {
  const length = text.length;
  let runEnd = i;
  while (runEnd < length && TERMINATORS.includes(text[runEnd] ?? '')) runEnd++;
  let after = runEnd;
  while (after < length && CLOSERS.includes(text[after] ?? '')) after++;
  if (after === length) return final ? { kind: 'end', at: after } : { kind: 'wait' };
  // "3.5", "Node.js", "e.g.," and "?!" go on.
  if (!isSpace(text[after] ?? '')) return { kind: 'not', at: runEnd };
  const run = text.slice(i, runEnd);
  if (!/[.…]/.test(run)) return { kind: 'end', at: after };
  // "…for today. " ends at once: waiting for the next word would hold the first audio back a whole chunk.
  // Warning: decided from the word alone (never from what follows) so chunking never changes the pieces.
  if (run === '.' && isOrdinaryWord(wordBefore(text, from, i).toLowerCase())) return { kind: 'end', at: after };
  let next = after;
  while (next < length && isSpace(text[next] ?? '')) next++;
  if (next === length) return final ? { kind: 'end', at: after } : { kind: 'wait' };
  if (text.slice(after, next).includes('\n')) return { kind: 'end', at: after };
  const nextChar = text[next] ?? '';
  // "approx. five", "Well... let me": a lower-case word goes on with the sentence.
  if (/\p{Ll}/u.test(nextChar)) return { kind: 'not', at: runEnd };
  if (run === '.') {
    const word = wordBefore(text, from, i).toLowerCase();
    if (ALWAYS_ABBREVIATIONS.has(word)) return { kind: 'not', at: runEnd };
    const ambiguous = AMBIGUOUS_ABBREVIATIONS.has(word) || /^(?:\p{L}{1,2}\.)*\p{L}$/u.test(word) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word);
    if (ambiguous && !/\p{Lu}/u.test(nextChar) && !OPENERS.includes(nextChar)) return { kind: 'not', at: runEnd };
  }
  return { kind: 'end', at: after };
}

/** A plain word of three or more letters that is no abbreviation: a period after it ends the sentence. */
function isOrdinaryWord(word: string): boolean {
  return /^\p{L}{3,}$/u.test(word) && !ALWAYS_ABBREVIATIONS.has(word) && !AMBIGUOUS_ABBREVIATIONS.has(word);
}

/** The end of a clause boundary at `i` (comma, semicolon, colon, dash), null when there is none, WAIT when unknown. */
function clauseEnd(text: string, i: number, final: boolean): number | null {
  const char = text[i] ?? '';
  const previous = text[i - 1] ?? '';
  const next = text[i + 1];
  switch (char) {
    case ';':
    case '—':
      return i + 1;
    case ',':
      // "1,000" is a number, not a pause.
      if (!isDigit(previous)) return i + 1;
      if (next === undefined) return final ? i + 1 : WAIT;
      return isSpace(next) ? i + 1 : null;
    case ':':
      // "10:30" and "https://" are not pauses.
      if (next === undefined) return final ? i + 1 : WAIT;
      return isSpace(next) ? i + 1 : null;
    case '–':
      // "2019–2021" is a range.
      if (!isDigit(previous)) return i + 1;
      if (next === undefined) return final ? i + 1 : WAIT;
      return isDigit(next) ? null : i + 1;
    case '-':
      // Only " - " is a dash; "well-known" and "-5" are words.
      if (!isSpace(previous) || i === 0) return null;
      if (next === undefined) return final ? i + 1 : WAIT;
      return isSpace(next) ? i + 1 : null;
    default:
      return null;
  }
}

/** Skips spaces and a list or heading marker at a line start ("- ", "* ", "1. ", "2) ", "## ", "> "). */
function skipLineMarker(text: string, i: number, final: boolean): number {
  const length = text.length;
  let at = i;
  while (at < length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (at === length) return final ? length : WAIT;
  const rest = text.slice(at, at + 6);
  const marker = /^(?:#{1,6}|>|[-+•*]|\d{1,3}[.)])[ \t]/.exec(rest);
  if (marker) return at + marker[0].length;
  // A marker may still be arriving ("1", "1.", "#", "-").
  const partial = /^(?:#{1,6}|>|[-+•*]|\d{1,3}[.)]?)$/.test(text.slice(at));
  if (partial && !final) return WAIT;
  return at;
}

/** Builds the piece text[start, end), or null when nothing in it can be spoken. */
function makePiece(text: string, start: number, end: number, index: number): SpeechPiece | null {
  const raw = text.slice(start, end);
  const atLineStart = start === 0 || text[start - 1] === '\n';
  const spoken = speakableText(raw, atLineStart);
  if (spoken === '') return null;
  let first = start;
  let lineStart = atLineStart;
  while (first < end) {
    const char = text[first] ?? '';
    if (char === '\n') {
      lineStart = true;
      first++;
      continue;
    }
    if (lineStart) {
      const after = skipLineMarker(text, first, true);
      lineStart = false;
      if (after !== first) {
        first = after;
        continue;
      }
    }
    if (/[\p{L}\p{N}"'“‘([$€£¿¡]/u.test(char)) break;
    first++;
  }
  let last = end;
  while (last > first && /[\s*_`]/.test(text[last - 1] ?? '')) last--;
  return { index, text: spoken, start: first, end: last };
}

/** The word just before position `i` (inside the piece), without opening quotes or brackets. */
function wordBefore(text: string, from: number, i: number): string {
  let at = i;
  while (at > from && !isSpace(text[at - 1] ?? '') && !OPENERS.includes(text[at - 1] ?? '')) at--;
  return text.slice(at, i);
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\u00a0';
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
