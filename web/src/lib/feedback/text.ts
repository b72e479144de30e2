// How the report reads a candidate's words: tokens with the punctuation around them (for fillers and phrases),
// plain word counts, and the normalised form quotes are compared in. Pure.

/** One word of a text, lower-cased, with whether a pause mark (start, end, or , . ; : ! ? — …) sits next to it. */
export interface Token {
  word: string;
  /** Offsets of the word in the original text. */
  start: number;
  end: number;
  pauseBefore: boolean;
  pauseAfter: boolean;
}

// Letters and digits, with inner apostrophes ("don't", "I'm") and inner dots or commas in numbers ("3.5", "1,200").
const WORD = /[\p{L}\p{N}]+(?:(?:['’]|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;
const PAUSE_MARK = /[,.;:!?…—–()]|\s-\s/;

/** The words of `text` with their positions and the pause marks beside them. */
export function tokenize(text: string): Token[] {
  const matches = [...text.matchAll(WORD)];
  return matches.map((match, index) => {
    const start = match.index;
    const end = start + match[0].length;
    const before = text.slice(index === 0 ? 0 : (matches[index - 1]?.index ?? 0) + (matches[index - 1]?.[0].length ?? 0), start);
    const next = matches[index + 1];
    const after = text.slice(end, next ? next.index : text.length);
    return {
      word: match[0].toLowerCase().replace(/’/g, "'"),
      start,
      end,
      pauseBefore: index === 0 || PAUSE_MARK.test(before),
      pauseAfter: next === undefined || PAUSE_MARK.test(after),
    };
  });
}

/** How many words `text` has. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The lower-cased words of `text`, apostrophes straightened. */
export function wordsOf(text: string): string[] {
  return tokenize(text).map((token) => token.word);
}
