// Which uses of each filler count: the table is the documentation of the rules in fillers.ts.
import { describe, expect, it } from 'vitest';
import { countFillers } from './fillers.ts';

describe('countFillers: "like"', () => {
  it.each([
    ['we, like, moved the whole service', 1, 'set off by commas: a discourse marker'],
    ['Like, it was a mess.', 1, 'opening the sentence, set off'],
    ['it was um like really slow', 1, 'beside a filled pause'],
    ['it was like like really slow', 2, 'doubled'],
    ['I like Go a lot', 0, 'a verb'],
    ["we'd like to ship it", 0, 'a verb after a modal'],
    ['tools like Kafka and Postgres', 0, 'a preposition: such as'],
    ['it felt like a month', 0, 'a comparison'],
    ['he was like, no way', 0, 'a quotative (informal, not a filler)'],
    ['it took, like 20 people', 0, 'an approximation'],
    ['just like before', 0, 'a comparison'],
    ['like.', 0, 'alone at the end'],
  ])('%j → %i (%s)', (text, count) => {
    expect(countFillers(text).byFiller['like'] ?? 0).toBe(count);
  });
});

describe('countFillers: other lexical fillers', () => {
  it.each([
    ['it was, you know, hard', 'you know', 1],
    ['You know, I think so', 'you know', 1],
    ['and you know we shipped it', 'you know', 1],
    ['do you know what happened', 'you know', 0],
    ['let you know the result', 'you know', 0],
    ['you know how it goes', 'you know', 0],
    ['I mean, it worked', 'I mean', 1],
    ['So I mean we had no choice', 'I mean', 1],
    ['what I mean is simple', 'I mean', 0],
    ['it was sort of slow', 'sort of', 1],
    ['a kind of cache', 'kind of', 0],
    ['what sort of team', 'sort of', 0],
    ['it kind of worked', 'kind of', 1],
    ['basically we rewrote it', 'basically', 1],
    ['it literally doubled', 'literally', 1],
  ])('%j → %s × %i', (text, filler, count) => {
    expect(countFillers(text).byFiller[filler] ?? 0).toBe(count);
  });
});

describe('countFillers: filled pauses apart', () => {
  it('counts um, uh, er, hmm apart from lexical fillers, in any case and beside punctuation', () => {
    expect(countFillers('Um, so, uh, I... Hmm. Erm, basically it was, like, fine. Mm.')).toEqual({
      filled: 5,
      lexical: 2,
      byFiller: { um: 1, uh: 1, hmm: 1, erm: 1, mm: 1, basically: 1, like: 1 },
    });
  });

  it('does not count words that merely contain a filler', () => {
    expect(countFillers('umbrella summer hummus error').filled).toBe(0);
  });

  it('finds nothing in an empty answer', () => {
    expect(countFillers('')).toEqual({ filled: 0, lexical: 0, byFiller: {} });
  });
});
