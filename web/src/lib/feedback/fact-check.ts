// The rewrite fact check: a better version of the candidate's answer may change how it is said, never what happened.
// Every number and every proper noun in a rewrite must appear in the resume or the transcript. Pure.
//
// Numbers: digits ("40%", "3.5", "1,200") and spelled cardinals ("three", "twenty", "half"), compared as values, so
// "three" in the rewrite is supported by "3" in the answer. Proper nouns: capitalised words inside a sentence, and
// words with a capital after their first letter anywhere ("PostgreSQL", "AWS", "gRPC"); "I" and its forms are not names.
// Warning: an ordinary-looking capitalised word at the start of a sentence is not checked (it cannot be told from a name
// without a dictionary); numbers and names inside sentences, where invented facts usually sit, are.

const SPELLED: Readonly<Record<string, string>> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000', dozen: '12', half: '0.5',
};

const PRONOUN_I = new Set(['i', "i'm", "i've", "i'd", "i'll"]);
const TOKEN = /[\p{L}\p{N}]+(?:(?:['’]|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** The numbers and proper nouns of `rewrite` that appear nowhere in `sources` (the resume and the transcript), as written. */
export function unsupportedFacts(rewrite: string, sources: readonly string[]): string[] {
  const known = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(TOKEN)) {
      const word = straighten(match[0]);
      known.add(word.toLowerCase());
      const value = numberValue(word);
      if (value !== null) known.add(`#${value}`);
    }
  }
  const missing: string[] = [];
  for (const fact of factsOf(rewrite)) {
    const value = numberValue(fact.word);
    const supported = value !== null ? known.has(`#${value}`) : known.has(fact.word.toLowerCase());
    if (!supported && !missing.includes(fact.word)) missing.push(fact.word);
  }
  return missing;
}

/** The numbers and proper nouns of a text, by the rules at the top of this file. */
export function factsOf(text: string): { word: string }[] {
  const facts: { word: string }[] = [];
  let last: number | null = null;
  for (const match of text.matchAll(TOKEN)) {
    // A sentence opens the text, or follows . ! ? or :
    const atStart = last === null || /[.!?:]/.test(text.slice(last, match.index));
    last = match.index + match[0].length;
    const word = straighten(match[0]);
    if (numberValue(word) !== null) {
      facts.push({ word });
      continue;
    }
    if (PRONOUN_I.has(word.toLowerCase())) continue;
    const innerCapital = /\p{Lu}/u.test(word.slice(1));
    const capitalised = /^\p{Lu}/u.test(word);
    if (innerCapital || (capitalised && !atStart)) facts.push({ word });
  }
  return facts;
}

/** The value of a number written in digits or spelled, as a canonical string; null when the word is not a number. */
function numberValue(word: string): string | null {
  const lower = word.toLowerCase();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(lower)) return String(Number(lower.replace(/,/g, '')));
  return SPELLED[lower] ?? null;
}

function straighten(word: string): string {
  return word.replace(/’/g, "'");
}
