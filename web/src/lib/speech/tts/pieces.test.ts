// Table tests of the streaming piece splitter (fed whole, char by char and in uneven chunks), speakable text and range maps.
import { describe, expect, it } from 'vitest';
import { createPieceSplitter, createRangeMap, pieceKey, speakableText, splitText, type SpeechPiece } from './pieces.ts';
import { chunked } from '../../testing/chunked.ts';


function streamed(chunks: readonly string[]): SpeechPiece[] {
  const splitter = createPieceSplitter();
  const pieces = chunks.flatMap((chunk) => {
    const result = splitter.append(chunk);
    expect(result.reset).toBe(false);
    return result.pieces;
  });
  return [...pieces, ...splitter.finish()];
}

function texts(pieces: readonly SpeechPiece[]): string[] {
  return pieces.map((piece) => piece.text);
}

describe('splitText', () => {
  const cases: [name: string, input: string, pieces: string[]][] = [
    ['one short question', 'Why Rust?', ['Why Rust?']],
    ['first piece ends at the first clause after a few words', 'Thanks for walking me through that, it sounds like a big project. How did you test it?', ['Thanks for walking me through that,', 'it sounds like a big project.', 'How did you test it?']],
    ['a sentence end sooner than any clause', 'Great answer. Now, tell me about your time at Acme, and what you built there.', ['Great answer.', 'Now, tell me about your time at Acme, and what you built there.']],
    ['a comma too early for the first piece', 'So, tell me about your role there, and how it grew.', ['So, tell me about your role there,', 'and how it grew.']],
    ['later pieces are whole sentences', 'That makes sense, thank you. Let us move on: testing, reviews and releases. How do you ship?', ['That makes sense,', 'thank you.', 'Let us move on: testing, reviews and releases.', 'How do you ship?']],
    ['semicolon as the first boundary', 'You led the migration yourself; what was the hardest part?', ['You led the migration yourself;', 'what was the hardest part?']],
    ['colon as the first boundary', 'Here is my next question: how do you handle failure?', ['Here is my next question:', 'how do you handle failure?']],
    ['em dash as the first boundary', 'That is a bold choice — why did you make it?', ['That is a bold choice —', 'why did you make it?']],
    ['spaced hyphen as the first boundary', 'That is a bold choice - why did you make it?', ['That is a bold choice -', 'why did you make it?']],
    ['hyphenated words are no boundary', 'Your well-known open-source library is impressive. Why build it?', ['Your well-known open-source library is impressive.', 'Why build it?']],
    ['titles', 'You worked with Dr. Smith and Mr. Jones at the lab. What did you learn?', ['You worked with Dr. Smith and Mr. Jones at the lab.', 'What did you learn?']],
    ['e.g. and i.e.', 'Some tools (e.g. Docker) help. Others, i.e. the old ones, hurt. Which do you use?', ['Some tools (e.g. Docker) help.', 'Others, i.e. the old ones, hurt.', 'Which do you use?']],
    ['dotted acronym before a lower-case word', 'You worked in the U.S. market for years. Why move?', ['You worked in the U.S. market for years.', 'Why move?']],
    ['dotted acronym at a sentence end', 'You worked in the U.S. What brought you back?', ['You worked in the U.S.', 'What brought you back?']],
    ['etc. before a capital', 'You know Go, Rust, etc. Which one do you prefer?', ['You know Go,', 'Rust, etc.', 'Which one do you prefer?']],
    ['decimals', 'Latency fell from 3.5 to 1.2 seconds. How did you do it?', ['Latency fell from 3.5 to 1.2 seconds.', 'How did you do it?']],
    ['thousands separators', 'You served 1,000,000 users a day. How did you scale?', ['You served 1,000,000 users a day.', 'How did you scale?']],
    ['domains and versions', 'You moved from Node.js 18 to Vue.js and example.com grew. Why?', ['You moved from Node.js 18 to Vue.js and example.com grew.', 'Why?']],
    ['times and URLs', 'At 10:30 you opened https://example.com and it failed. What then?', ['At 10:30 you opened https://example.com and it failed.', 'What then?']],
    ['number ranges', 'From 2019–2021 you ran the team. What changed?', ['From 2019–2021 you ran the team.', 'What changed?']],
    ['ellipsis going on in lower case', 'Well... let me ask it another way. What drove the choice?', ['Well... let me ask it another way.', 'What drove the choice?']],
    ['ellipsis before a capital', 'I see... That is interesting. Why?', ['I see...', 'That is interesting.', 'Why?']],
    ['unicode ellipsis', 'Hmm… That is interesting. Why?', ['Hmm…', 'That is interesting.', 'Why?']],
    ['closing quote after the period', 'You said "it just works." What did you mean?', ['You said "it just works."', 'What did you mean?']],
    ['closing bracket after the period', 'It shipped on time (mostly.) Did it?', ['It shipped on time (mostly.)', 'Did it?']],
    ['question and exclamation marks', 'Wow! Really? Tell me more about that project.', ['Wow!', 'Really?', 'Tell me more about that project.']],
    ['mixed terminators', 'You rewrote it in a week?! How?', ['You rewrote it in a week?!', 'How?']],
    ['newlines end pieces', 'Thanks for that\nLet us talk about testing\n\nHow do you test?', ['Thanks for that', 'Let us talk about testing', 'How do you test?']],
    ['bullet lines', 'Pick one topic:\n- caching\n- queues\n* search\n• logging', ['Pick one topic:', 'caching', 'queues', 'search', 'logging']],
    ['numbered lines', 'Consider three steps:\n1. Design it.\n2) Build it.\n10. Ship it.', ['Consider three steps:', 'Design it.', 'Build it.', 'Ship it.']],
    ['markdown emphasis and code', 'Why did you choose **Redis** over `Memcached` for *caching*?', ['Why did you choose Redis over Memcached for caching?']],
    ['headings', '## Next topic\nHow do you test?', ['Next topic', 'How do you test?']],
    ['C# and F# keep their marks', 'You used C# and F# at work. Why both?', ['You used C# and F# at work.', 'Why both?']],
    ['underscores around words', 'Why __exactly__ did you use snake_case names?', ['Why exactly did you use snake_case names?']],
    ['markdown links', 'You wrote [a blog post](https://example.com/post) about it. Why?', ['You wrote a blog post about it.', 'Why?']],
    ['unspeakable lines vanish', '---\n***\nWhat next?', ['What next?']],
    ['surrounding whitespace', '   \n  Tell me about yourself.  \n ', ['Tell me about yourself.']],
    ['no final punctuation', 'Tell me about yourself', ['Tell me about yourself']],
    ['empty text', '', []],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(texts(splitText(input))).toEqual(expected);
  });

  it.each(cases)('%s: the same pieces fed char by char and in uneven chunks', (_name, input) => {
    const whole = splitText(input);
    expect(streamed([...input])).toEqual(whole);
    expect(streamed(chunked(input, [3, 7, 1, 12, 2]))).toEqual(whole);
  });

  it.each(cases)('%s: ranges point at the piece in the text', (_name, input) => {
    for (const piece of splitText(input)) {
      expect(speakableText(input.slice(piece.start, piece.end), piece.start === 0 || input[piece.start - 1] === '\n')).toBe(piece.text);
      expect(input[piece.start]).not.toMatch(/\s/);
      expect(input[piece.end - 1]).not.toMatch(/\s/);
    }
  });

  it('gives ranges and indexes', () => {
    const text = 'Thanks for walking me through that, really. How did you test it?';
    expect(splitText(text)).toEqual([
      { index: 0, text: 'Thanks for walking me through that,', start: 0, end: 35 },
      { index: 1, text: 'really.', start: 36, end: 43 },
      { index: 2, text: 'How did you test it?', start: 44, end: 64 },
    ]);
  });

  it('cuts a long sentence at its last clause boundary past the soft limit', () => {
    const clause = 'and then we measured the latency of every request across all of the regions';
    const text = `It started small, ${clause}, ${clause}, ${clause}, ${clause}. Why?`;
    const pieces = splitText(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(200);
    expect(pieces.map((piece) => piece.text).join(' ')).toBe(speakableText(text));
  });

  it('cuts a sentence with no boundary at a space past the hard limit', () => {
    const text = `${'word '.repeat(100).trim()}.`;
    const pieces = splitText(text);
    expect(pieces.length).toBe(2);
    expect(pieces[0]?.text.length).toBeLessThanOrEqual(320);
    expect(pieces[0]?.text.endsWith('word')).toBe(true);
    expect(pieces.map((piece) => piece.text).join(' ')).toBe(text);
  });
});

describe('createPieceSplitter', () => {
  it('releases the first clause before the sentence ends', () => {
    const splitter = createPieceSplitter();
    expect(splitter.update('Thanks for walking me').pieces).toEqual([]);
    expect(texts(splitter.update('Thanks for walking me through that,').pieces)).toEqual(['Thanks for walking me through that,']);
    expect(splitter.update('Thanks for walking me through that, it sounds').pieces).toEqual([]);
  });

  it('waits for the character after a period', () => {
    const splitter = createPieceSplitter();
    expect(splitter.update('Latency fell to 3.').pieces).toEqual([]);
    expect(splitter.update('Latency fell to 3.5 s.').pieces).toEqual([]);
    expect(texts(splitter.update('Latency fell to 3.5 s. How').pieces)).toEqual(['Latency fell to 3.5 s.']);
  });

  it('waits for the word after an abbreviation', () => {
    const splitter = createPieceSplitter();
    expect(splitter.update('You worked in the U.S. ').pieces).toEqual([]);
    expect(splitter.update('You worked in the U.S. m').pieces).toEqual([]);
    expect(splitter.finish()).toEqual([{ index: 0, text: 'You worked in the U.S. m', start: 0, end: 24 }]);
  });

  it('releases a sentence ending in a plain word as soon as a space follows, without waiting for the next word', () => {
    const splitter = createPieceSplitter();
    expect(splitter.update('That is all my questions for today.').pieces).toEqual([]);
    expect(texts(splitter.update('That is all my questions for today. ').pieces)).toEqual(['That is all my questions for today.']);
  });

  it('releases a question mark as soon as a space follows', () => {
    const splitter = createPieceSplitter();
    expect(splitter.update('Why Rust?').pieces).toEqual([]);
    expect(texts(splitter.update('Why Rust? ').pieces)).toEqual(['Why Rust?']);
  });

  it('flushes the tail on finish', () => {
    const splitter = createPieceSplitter();
    splitter.update('How did you test it?');
    expect(splitter.finished).toBe(false);
    expect(texts(splitter.finish())).toEqual(['How did you test it?']);
    expect(splitter.finished).toBe(true);
    expect(splitter.finish()).toEqual([]);
  });

  it('signals a reset when the text restarts, and counts again from 0', () => {
    const splitter = createPieceSplitter();
    expect(texts(splitter.update('Thanks for walking me through that, it').pieces)).toEqual(['Thanks for walking me through that,']);
    const restarted = splitter.update('');
    expect(restarted).toEqual({ reset: true, pieces: [] });
    const again = splitter.update('Thank you for that, now');
    expect(again.reset).toBe(false);
    expect(again.pieces).toEqual([{ index: 0, text: 'Thank you for that,', start: 0, end: 19 }]);
  });

  it('signals a reset when a different text arrives at once', () => {
    const splitter = createPieceSplitter();
    splitter.update('What about Python? ');
    expect(splitter.update('What about Rust? Tell me.')).toEqual({ reset: true, pieces: [{ index: 0, text: 'What about Rust?', start: 0, end: 16 }] });
  });

  it('takes deltas', () => {
    const splitter = createPieceSplitter();
    splitter.append('Great answer');
    expect(texts(splitter.append('. Now').pieces)).toEqual(['Great answer.']);
    expect(splitter.text).toBe('Great answer. Now');
    expect(splitter.cursor).toBe(13);
  });

  it('continues after finish when more text comes', () => {
    const splitter = createPieceSplitter();
    splitter.update('One.');
    expect(texts(splitter.finish())).toEqual(['One.']);
    splitter.update('One. Two.');
    expect(splitter.finished).toBe(false);
    expect(texts(splitter.finish())).toEqual(['Two.']);
  });

  it('honours custom limits', () => {
    expect(texts(splitText('A b, c d e, f.', { firstPieceMinWords: 1 }))).toEqual(['A b,', 'c d e, f.']);
  });
});

describe('speakableText', () => {
  it.each([
    ['**bold** and `code`', 'bold and code'],
    ['- a bullet', 'a bullet'],
    ['3. a numbered line', 'a numbered line'],
    ['### Heading', 'Heading'],
    ['> quoted', 'quoted'],
    ['line one\n- line two', 'line one line two'],
    ['  spaced \t out  ', 'spaced out'],
    ['#1 priority', '1 priority'],
    ['C# code', 'C# code'],
    ['..., and then', 'and then'],
    ['"Quoted," she said', '"Quoted," she said'],
    ['***', ''],
    ['- ', ''],
  ])('%j → %j', (input, expected) => {
    expect(speakableText(input)).toBe(expected);
  });

  it('keeps a mid-line dash when the text does not start a line', () => {
    expect(speakableText('- and more', false)).toBe('and more');
    expect(speakableText('2. Then', false)).toBe('2. Then');
  });
});

describe('pieceKey', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(pieceKey('He said, "Why?"')).toBe(pieceKey('he said  why'));
  });
});

describe('createRangeMap', () => {
  it('maps identical texts to themselves', () => {
    expect(createRangeMap('abc', 'abc')?.map(1, 3)).toEqual([1, 3]);
  });

  it('maps ranges onto the committed (cleaned) text', () => {
    const streamed = 'Great.\n\n- Tell me about   caching.';
    const committed = 'Great. Tell me about caching.';
    const map = createRangeMap(streamed, committed);
    expect(map).not.toBeNull();
    const [first, second] = splitText(streamed);
    expect(first && map?.map(first.start, first.end)).toEqual([0, 6]);
    expect(second && map?.map(second.start, second.end)).toEqual([7, 29]);
    expect(committed.slice(7, 29)).toBe('Tell me about caching.');
  });

  it('maps a range that lost all its characters to null', () => {
    expect(createRangeMap('- a', 'a')?.map(0, 1)).toBeNull();
  });

  it('refuses a different text', () => {
    expect(createRangeMap('What about Python and its ecosystem of libraries?', 'Thank you for your time today, it was a pleasure.')).toBeNull();
    expect(createRangeMap('Tell me about caching.', 'Tell me about caching and queues.')).toBeNull();
  });
});
