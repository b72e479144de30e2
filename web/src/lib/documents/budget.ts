// The word budget: cuts a long document to its first WORD_BUDGET words, ending on a sentence or line boundary.
// Pure; table-tested in budget.test.ts.
import { WORD_BUDGET } from './limits.ts';

/** A text after the budget was applied. */
export interface BudgetedText {
  text: string;
  /** True when words were cut. */
  truncated: boolean;
}

/** How far back, in words, a cut may move to end on a sentence or line instead of mid-sentence. */
export const MAX_BACKOFF_WORDS = 150;

// Warning: a "word" is a run of non-space characters, so text without spaces (Chinese, Japanese) counts as few words.
const WORD = /\S+/g;

/** A place after which a cut reads cleanly: a line break, or a sentence end followed by a space. */
const BOUNDARY = /\n|[.!?…][)\]"'”’»]*[ \t]/g;

/** Keeps the first `budget` words of `text`, cut at the last sentence or line end near the limit when there is one. */
export function applyWordBudget(text: string, budget: number = WORD_BUDGET): BudgetedText {
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    ends.push(match.index + match[0].length);
    if (ends.length > budget) break;
  }
  if (ends.length <= budget) return { text, truncated: false };

  const hardEnd = ends[budget - 1] ?? 0;
  const floor = ends[Math.max(0, budget - 1 - MAX_BACKOFF_WORDS)] ?? 0;
  let cut = hardEnd;
  BOUNDARY.lastIndex = floor;
  let lastBoundary = -1;
  for (let match = BOUNDARY.exec(text); match && match.index < hardEnd; match = BOUNDARY.exec(text)) {
    lastBoundary = match.index + match[0].length;
  }
  if (lastBoundary > floor) cut = lastBoundary;
  return { text: text.slice(0, cut).trimEnd(), truncated: true };
}
