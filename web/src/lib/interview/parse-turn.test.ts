// Table tests of the streamed-turn parser (fed whole, char by char and in uneven chunks) and of cleanQuestion.
import { describe, expect, it } from 'vitest';
import { cleanQuestion, createTurnParser, parseTurn, type TurnParseEvent } from './parse-turn.ts';
import type { TurnDecision } from './types.ts';
import { chunked } from '../testing/chunked.ts';

function feed(chunks: readonly string[]): TurnParseEvent[] {
  const parser = createTurnParser();
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}


function summarize(events: readonly TurnParseEvent[]): { decision: TurnDecision | null; decisions: number; text: string; decisionFirst: boolean } {
  let decision: TurnDecision | null = null;
  let decisions = 0;
  let text = '';
  let decisionFirst = true;
  for (const event of events) {
    if (event.type === 'decision') {
      decision = event.decision;
      decisions++;
    } else {
      if (decisions === 0) decisionFirst = false;
      text += event.text;
    }
  }
  return { decision, decisions, text, decisionFirst };
}

describe('createTurnParser', () => {
  const cases: [name: string, input: string, decision: TurnDecision, question: string][] = [
    ['plain follow-up', 'DECISION: FOLLOW_UP\nWhat made that migration hard?', 'FOLLOW_UP', 'What made that migration hard?'],
    ['plain next topic', 'DECISION: NEXT_TOPIC\nLet us talk about testing. How do you test?', 'NEXT_TOPIC', 'Let us talk about testing. How do you test?'],
    ['lower case and underscores', 'decision: follow_up\nWhy?', 'FOLLOW_UP', 'Why?'],
    ['extra spaces and a space in the value', '  DECISION :   follow up  \n  Why?', 'FOLLOW_UP', 'Why?'],
    ['hyphenated value', 'Decision: next-topic\nOn to design.', 'NEXT_TOPIC', 'On to design.'],
    ['markdown bold around the line', '**DECISION: FOLLOW_UP**\nWhy?', 'FOLLOW_UP', 'Why?'],
    ['markdown bold label only', '**Decision:** NEXT_TOPIC\n\nTell me about caching.', 'NEXT_TOPIC', 'Tell me about caching.'],
    ['blank lines before the decision', '\n\nDECISION: FOLLOW_UP\nWhy?', 'FOLLOW_UP', 'Why?'],
    ['question on the same line', 'DECISION: FOLLOW_UP — Why did you choose Rust?', 'FOLLOW_UP', 'Why did you choose Rust?'],
    ['CRLF line ends', 'DECISION: FOLLOW_UP\r\nWhy?', 'FOLLOW_UP', 'Why?'],
    ['missing decision line keeps all text', 'Thanks for that. How do you handle code review?', 'NEXT_TOPIC', 'Thanks for that. How do you handle code review?'],
    ['a question that starts like the word', 'Decide for me: tabs or spaces?', 'NEXT_TOPIC', 'Decide for me: tabs or spaces?'],
    ['"Decision-making" is text, not a decision', 'Decision-making under pressure: tell me about a time.', 'NEXT_TOPIC', 'Decision-making under pressure: tell me about a time.'],
    ['unknown decision value is dropped', 'DECISION: CONCLUDE\nThank you.', 'NEXT_TOPIC', 'Thank you.'],
    ['QUESTION: label', 'DECISION: NEXT_TOPIC\nQUESTION: Can you describe your experience?', 'NEXT_TOPIC', 'Can you describe your experience?'],
    ['numbered label in bold', 'DECISION: NEXT_TOPIC\n**Question #3:** What is a monad?', 'NEXT_TOPIC', 'What is a monad?'],
    ['"Question" as a word stays', 'DECISION: NEXT_TOPIC\nQuestions about scale: how big?', 'NEXT_TOPIC', 'Questions about scale: how big?'],
    ['"Quick" stays', 'Quick one: why Svelte?', 'NEXT_TOPIC', 'Quick one: why Svelte?'],
    ['markdown inside the question', 'DECISION: FOLLOW_UP\nWhy *exactly* did you use `Redis`?', 'FOLLOW_UP', 'Why exactly did you use Redis?'],
    ['heading marks', 'DECISION: FOLLOW_UP\n## Why?', 'FOLLOW_UP', 'Why?'],
    ['decision only', 'DECISION: FOLLOW_UP', 'FOLLOW_UP', ''],
    ['empty stream', '', 'NEXT_TOPIC', ''],
  ];

  const chunkings: [string, (text: string) => string[]][] = [
    ['whole', (text) => [text]],
    ['char by char', (text) => [...text]],
    ['uneven chunks', (text) => chunked(text, [3, 1, 7, 2, 5])],
  ];

  for (const [chunking, split] of chunkings) {
    it.each(cases)(`${chunking}: %s`, (_name, input, decision, question) => {
      const result = summarize(feed(split(input)));
      expect(result.decisions).toBe(1);
      expect(result.decisionFirst).toBe(true);
      expect(result.decision).toBe(decision);
      expect(cleanQuestion(result.text)).toBe(question);
    });
  }

  it('reports the decision as soon as the first line is complete', () => {
    const parser = createTurnParser();
    expect(parser.push('DECISION: FOLL')).toEqual([]);
    expect(parser.push('OW_UP\n')).toEqual([{ type: 'decision', decision: 'FOLLOW_UP' }]);
    expect(parser.push('Why')).toEqual([{ type: 'text', text: 'Why' }]);
    expect(parser.push('?')).toEqual([{ type: 'text', text: '?' }]);
    expect(parser.end()).toEqual([]);
  });

  it('does not wait for a line end when the text cannot be a decision', () => {
    const parser = createTurnParser();
    expect(parser.push('Tha')).toEqual([
      { type: 'decision', decision: 'NEXT_TOPIC' },
      { type: 'text', text: 'Tha' },
    ]);
  });

  it('holds back a possible label until it can tell', () => {
    const parser = createTurnParser();
    expect(parser.push('DECISION: NEXT_TOPIC\nQuest')).toEqual([{ type: 'decision', decision: 'NEXT_TOPIC' }]);
    expect(parser.push('ion 2: What')).toEqual([{ type: 'text', text: 'What' }]);
  });
});

describe('parseTurn', () => {
  it('parses a whole reply', () => {
    expect(parseTurn('DECISION: FOLLOW_UP\n**Question:** Why?  ')).toEqual({ decision: 'FOLLOW_UP', question: 'Why?' });
  });
});

describe('cleanQuestion', () => {
  it.each([
    ['QUESTION: prefix', 'QUESTION: Can you describe your experience?', 'Can you describe your experience?'],
    ['Question #3: prefix', 'Question #3: What is your biggest win?', 'What is your biggest win?'],
    ['Question 3. prefix', 'Question 3. Why?', 'Why?'],
    ['bold and italics', '**Great answer.** *Why* did you __leave__?', 'Great answer. Why did you leave?'],
    ['code marks', 'How does `useEffect` work?', 'How does useEffect work?'],
    ['headings and bullets', '# Topic\n- What do you test first?', 'Topic What do you test first?'],
    ['extra whitespace and line breaks', '  Tell me\n\n about   it.  ', 'Tell me about it.'],
    ['a stray decision line', 'DECISION: NEXT_TOPIC\nHow do you scale?', 'How do you scale?'],
    ['"Question" as a word stays', 'Questions are welcome: what would you ask us?', 'Questions are welcome: what would you ask us?'],
    ['"Decision-making" stays', 'Decision-making: how do you do it?', 'Decision-making: how do you do it?'],
    ['empty', '   ', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanQuestion(input)).toBe(expected);
  });
});
