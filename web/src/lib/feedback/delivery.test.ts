// The measured delivery of each answer and of the interview: pace against the band (typed answers never 0 wpm),
// pauses, response latency, fillers as a floor for spoken answers, talk ratio.
import { describe, expect, it } from 'vitest';
import type { SpeechTiming, TranscriptEntry } from '../interview/index.ts';
import { DEFAULT_PACE_BAND, measureDelivery, median, paceOf, pauseStats, questionSpokenEnd } from './delivery.ts';

const question = (id: string, at: number, text = 'Tell me about a project you led.'): TranscriptEntry => ({ id, role: 'interviewer', kind: 'new-topic', text, topic: 'Ownership', topicId: 't1', at });

describe('paceOf', () => {
  it.each([
    [150, 60, { kind: 'spoken', wpm: 150, position: 'within' }],
    [100, 60, { kind: 'spoken', wpm: 100, position: 'slow' }],
    [200, 60, { kind: 'spoken', wpm: 200, position: 'fast' }],
    [120, 60, { kind: 'spoken', wpm: 120, position: 'within' }],
    [171, 60, { kind: 'spoken', wpm: 171, position: 'fast' }],
    [9, 4, { kind: 'too-short' }],
    [30, 2, { kind: 'too-short' }],
  ])('%i words in %i s → %j', (words, seconds, pace) => {
    expect(paceOf(words, seconds)).toEqual(pace);
  });

  it('takes another band', () => {
    expect(paceOf(150, 60, { slowest: 90, fastest: 140 })).toEqual({ kind: 'spoken', wpm: 150, position: 'fast' });
  });
});

describe('pauseStats and median', () => {
  it('counts long pauses (2 s or more) and takes the median', () => {
    expect(pauseStats([0.3, 2, 0.5, 3.1])).toEqual({ count: 4, long: 2, medianSeconds: 1.3 });
    expect(pauseStats([])).toEqual({ count: 0, long: 0, medianSeconds: null });
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('questionSpokenEnd', () => {
  const timing = (firstAudioAt: number | null): SpeechTiming => ({
    questionId: 'q1',
    engine: 'kokoro',
    answerSubmittedAt: null,
    firstTokenAt: null,
    firstAudioAt,
    pieces: [
      { chars: 10, audioMs: 1500, synthesisMs: 20 },
      { chars: 30, audioMs: 2500, synthesisMs: 40 },
    ],
  });

  it('is the first audio plus the audio heard, or the text when nothing spoke it', () => {
    expect(questionSpokenEnd({ id: 'q1', at: 1000 }, [timing(2000)])).toBe(6000);
    expect(questionSpokenEnd({ id: 'q1', at: 1000 }, [timing(null)])).toBe(1000);
    expect(questionSpokenEnd({ id: 'q1', at: 1000 }, [])).toBe(1000);
  });
});

describe('measureDelivery', () => {
  const spokenText = 'Um, I led the move of our billing service to Kafka, and uh we cut failed invoices by half within one quarter, you know.';
  const transcript: TranscriptEntry[] = [
    question('q1', 10_000),
    {
      id: 'a1',
      role: 'candidate',
      text: spokenText,
      at: 30_000,
      listening: { speechEndAt: 28_000, transcriptReadyAt: 29_000, spokenSeconds: 9, audioSecondsSent: 10, speechStartAt: 12_500, pauses: [0.4, 2.3, 0.6] },
    },
    question('q2', 31_000, 'And then?'),
    { id: 'a2', role: 'candidate', text: 'We rewrote it, basically.', at: 40_000 },
    question('q3', 41_000, 'Thank you.'),
  ];
  const speech: SpeechTiming[] = [{ questionId: 'q1', engine: 'kokoro', answerSubmittedAt: null, firstTokenAt: null, firstAudioAt: 10_200, pieces: [{ chars: 33, audioMs: 2000, synthesisMs: 10 }] }];
  const delivery = measureDelivery(transcript, speech);
  const [spoken, typed] = delivery.answers;

  it('measures a spoken answer: pace, pauses, latency, fillers as a floor', () => {
    expect(spoken).toMatchObject({
      answerId: 'a1',
      label: 'A1',
      words: 24,
      spokenSeconds: 9,
      pace: { kind: 'spoken', wpm: 160, position: 'within' },
      pauses: { count: 3, long: 1, medianSeconds: 0.6 },
      latencySeconds: 0.3,
      fillers: { filled: 2, lexical: 1, atLeast: true },
      pronouns: { i: 1, we: 2 },
    });
  });

  it('shows a typed answer as typed: no pace (never 0 wpm), no pauses, no latency, an exact filler count', () => {
    expect(typed).toMatchObject({ pace: { kind: 'typed' }, spokenSeconds: null, pauses: null, latencySeconds: null, fillers: { lexical: 1, atLeast: false } });
  });

  it('adds up the interview: talk ratio by words, fillers per hundred words, median pace', () => {
    expect(delivery.candidateWords).toBe(28);
    expect(delivery.interviewerWords).toBe(11);
    expect(delivery.talkRatio).toBeCloseTo(28 / 39);
    expect(delivery.fillers).toEqual({ filled: 2, lexical: 2, atLeast: true, perHundredWords: (4 * 100) / 28 });
    expect(delivery.medianWpm).toBe(160);
    expect(delivery.band).toEqual(DEFAULT_PACE_BAND);
  });

  it('leaves pauses unmeasured for an answer recorded before pauses were kept', () => {
    const older = measureDelivery([question('q1', 0), { id: 'a1', role: 'candidate', text: spokenText, at: 1, listening: { speechEndAt: 1, transcriptReadyAt: 2, spokenSeconds: 9, audioSecondsSent: 9 } }], []);
    expect(older.answers[0]).toMatchObject({ pauses: null, latencySeconds: null, pace: { kind: 'spoken', wpm: 160 } });
  });

  it('never reports a negative latency when the candidate spoke over the question', () => {
    const early = measureDelivery([question('q1', 50_000), { ...transcript[1]!, listening: { speechEndAt: 1, transcriptReadyAt: 2, spokenSeconds: 9, audioSecondsSent: 9, speechStartAt: 40_000 } } as TranscriptEntry], []);
    expect(early.answers[0]?.latencySeconds).toBe(0);
  });

  it('has no talk ratio or pace for an empty interview', () => {
    expect(measureDelivery([], [])).toMatchObject({ talkRatio: null, medianWpm: null, fillers: { perHundredWords: null } });
  });
});
