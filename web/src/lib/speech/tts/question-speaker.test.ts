// Tests of the question speaker with a hand-answered synthesizer, a fake AudioContext and a fake speechSynthesis:
// early first audio, order without overlap, skip, retries without repeats, new questions, replay, modes, fallback, timings.
import { describe, expect, it } from 'vitest';
import type { SpeechTiming } from '../../interview/types.ts';
import { createAudioQueue } from './audio-queue.ts';
import { createBrowserVoice } from './browser-voice.ts';
import { FakeAudioContext, FakeSpeechSynthesis, FakeSynthesizer, FakeUtterance } from './fakes.ts';
import { pieceOverheadMs, type PieceTrace } from './pipeline-overhead.ts';
import { BROWSER_VOICE_LABEL, kokoroLabel, QuestionSpeaker, type SpeakerState } from './question-speaker.ts';
import { DEFAULT_SPEECH_SETTINGS, type SpeechSettings } from './types.ts';

const KOKORO_LABEL = 'kokoro · wasm · 4 threads';
const MARKS = { answerSubmittedAt: 990_000, firstTokenAt: 995_000 };

interface Setup {
  context: FakeAudioContext;
  synthesizer: FakeSynthesizer;
  synthesis: FakeSpeechSynthesis;
  speaker: QuestionSpeaker;
  states: SpeakerState[];
  timings: SpeechTiming[];
  errors: unknown[];
  traces: PieceTrace[];
}

function setup(settings: Partial<SpeechSettings> = {}, options: { kokoro?: boolean; browser?: boolean } = {}): Setup {
  const context = new FakeAudioContext();
  const audio = createAudioQueue({ context, now: context.now, timer: context.timer });
  const synthesis = new FakeSpeechSynthesis();
  const browserVoice = options.browser === false ? null : createBrowserVoice({ synthesis, createUtterance: (text) => new FakeUtterance(text), now: context.now });
  const synthesizer = new FakeSynthesizer();
  const timings: SpeechTiming[] = [];
  const errors: unknown[] = [];
  const traces: PieceTrace[] = [];
  const speaker = new QuestionSpeaker({
    audio,
    browserVoice,
    settings: { ...DEFAULT_SPEECH_SETTINGS, ...settings },
    kokoro: options.kokoro === false ? null : { synthesizer, label: KOKORO_LABEL },
    onTiming: (timing) => timings.push(timing),
    onEngineError: (error) => errors.push(error),
    onTrace: (trace) => traces.push(trace),
    now: context.now,
  });
  const states: SpeakerState[] = [];
  speaker.subscribe((state) => states.push(state));
  return { context, synthesizer, synthesis, speaker, states, timings, errors, traces };
}

function question(text: string, streaming = true, id = 'q1'): { id: string; text: string; streaming: boolean } {
  return { id, text, streaming };
}

/** Lets promise callbacks (synthesis answers) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Streams `text` in chunks of `size` characters, then commits it. */
function stream(speaker: QuestionSpeaker, text: string, size = 8, id = 'q1'): void {
  for (let end = size; end < text.length + size; end += size) speaker.update(question(text.slice(0, end), true, id), MARKS);
  speaker.update(question(text, false, id), MARKS);
}

/** Answers every synthesis call, one at a time, each with `seconds` of audio. */
async function synthesizeAll(synthesizer: FakeSynthesizer, seconds = 1): Promise<void> {
  while (synthesizer.waiting > 0) {
    synthesizer.resolveNext(seconds);
    await settle();
  }
}

function expectBackToBack(context: FakeAudioContext): void {
  const sources = context.pieceSources.filter((source) => source.stoppedAt === null);
  for (let i = 1; i < sources.length; i++) {
    expect(sources[i]?.startTime).toBeCloseTo(sources[i - 1]?.playEnd ?? Number.NaN, 9);
  }
}

const THREE_PIECES = 'Thanks for walking me through that, it sounds like a big project. How did you test it?';

describe('QuestionSpeaker', () => {
  it('schedules the first piece’s audio while the question is still streaming', async () => {
    const { context, synthesizer, speaker, timings } = setup();
    speaker.update(question('Thanks for walking me'), MARKS);
    expect(synthesizer.calls).toEqual([]);
    speaker.update(question('Thanks for walking me through that, it'), MARKS);
    // Synthesis starts in the same call that brought the clause: no timer, no wait for the sentence.
    expect(synthesizer.calls).toEqual([{ text: 'Thanks for walking me through that,', voice: 'af_bella', speed: 1 }]);
    context.advance(120);
    synthesizer.resolveNext(1.2, 120);
    await settle();
    expect(context.pieceSources).toHaveLength(1);
    expect(context.pieceSources[0]?.startTime).toBeCloseTo(0.135, 9);
    context.advance(20);
    expect(timings).toEqual([{ questionId: 'q1', engine: KOKORO_LABEL, answerSubmittedAt: 990_000, firstTokenAt: 995_000, firstAudioAt: 1_000_135, firstPieceAt: 1_000_000, pieces: [{ chars: 35, audioMs: 1200, synthesisMs: 120 }] }]);
  });

  it('adds no more than the scheduling lead on top of synthesis', async () => {
    const { context, synthesizer, speaker, traces } = setup();
    speaker.update(question('Thanks for walking me through that, it'), MARKS);
    context.advance(150);
    synthesizer.resolveNext(1, 150);
    await settle();
    expect(traces).toHaveLength(1);
    const [trace] = traces;
    expect(trace && pieceOverheadMs(trace)).toBeCloseTo(15, 6);
  });

  it('synthesizes the next piece while the current one plays, and plays them in order without overlap', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Thanks for walking me through that,']);
    synthesizer.resolveNext(2);
    await settle();
    context.advance(100);
    // Piece 1 plays; piece 2 is being synthesized meanwhile.
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Thanks for walking me through that,', 'it sounds like a big project.']);
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Thanks for walking me through that,', 'it sounds like a big project.', 'How did you test it?']);
    expect(context.pieceSources).toHaveLength(3);
    expectBackToBack(context);
  });

  it('highlights the piece playing, in the committed text, and reports speaking until the last piece ends', async () => {
    const { context, synthesizer, speaker, states } = setup();
    const streamed = 'Great.\n\n- Tell me about caching.';
    speaker.update(question(streamed), MARKS);
    speaker.update(question('Great. Tell me about caching.', false), MARKS);
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Great.', 'Tell me about caching.']);
    context.advance(20);
    expect(speaker.state).toEqual({ speaking: true, questionId: 'q1', spokenRange: [0, 6] });
    context.advance(1000);
    expect(speaker.state).toEqual({ speaking: true, questionId: 'q1', spokenRange: [7, 29] });
    context.advance(1000);
    expect(speaker.state).toEqual({ speaking: false, questionId: 'q1', spokenRange: null });
    expect(states[0]).toEqual({ speaking: false, questionId: null, spokenRange: null });
  });

  it('skip() stops at once and the rest of the stream stays silent', async () => {
    const { context, synthesizer, speaker } = setup();
    speaker.update(question('Thanks for walking me through that, it sounds like a big project. How'), MARKS);
    synthesizer.resolveNext(2);
    await settle();
    context.advance(100);
    speaker.skip();
    expect(context.pieceSources[0]?.stoppedAt).not.toBeNull();
    expect(speaker.state.speaking).toBe(false);
    synthesizer.resolveNext(1);
    await settle();
    speaker.update(question(THREE_PIECES), MARKS);
    speaker.update(question(THREE_PIECES, false), MARKS);
    await settle();
    expect(context.pieceSources).toHaveLength(1);
    expect(synthesizer.waiting).toBe(0);
    expect(speaker.state.speaking).toBe(false);
  });

  it('stop() (the candidate starts answering) stops the question for good', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    context.advance(500);
    speaker.stop();
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
    speaker.update(question(THREE_PIECES, false), MARKS);
    expect(speaker.state.speaking).toBe(false);
  });

  it('does not say again what a retried turn repeats', async () => {
    const { context, synthesizer, speaker } = setup();
    speaker.update(question('Thanks for walking me through that, it sounds like a big project. How'), MARKS);
    synthesizer.resolveNext(2);
    await settle();
    context.advance(100);
    // Piece 1 plays, piece 2 is being synthesized; the stream drops and the turn starts over.
    speaker.update(question(''), MARKS);
    speaker.update(question('Thanks for walking me through that, it sounds great. What did you learn?'), MARKS);
    speaker.update(question('Thanks for walking me through that, it sounds great. What did you learn?', false), MARKS);
    synthesizer.resolveNext(1);
    await settle();
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Thanks for walking me through that,', 'it sounds like a big project.', 'it sounds great.', 'What did you learn?']);
    // The stale piece 2 never reached the speakers; piece 1 was not cut.
    expect(context.pieceSources).toHaveLength(3);
    expect(context.pieceSources.every((source) => source.stoppedAt === null)).toBe(true);
    expectBackToBack(context);
    context.advance(10_000);
    expect(speaker.state.speaking).toBe(false);
  });

  it('does not say again the pieces heard before a turn that failed and was retried', async () => {
    const { context, synthesizer, speaker } = setup();
    speaker.update(question('Great answer. Now, tell me more'), MARKS);
    await synthesizeAll(synthesizer, 0.5);
    context.advance(1000);
    // The turn fails: the screen shows the previous question, then RETRY streams this one again.
    speaker.update(question('Previous question?', false, 'q0'), MARKS);
    expect(speaker.state.speaking).toBe(false);
    stream(speaker, 'Great answer. Now, tell me about your tests.');
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Great answer.', 'Now, tell me about your tests.']);
  });

  it('drops what was queued but not yet heard when a retried turn says something else', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    context.advance(100);
    speaker.update(question('Let us switch topics. What is your favourite database?'), MARKS);
    // A committed turn went back to streaming: only a restart does that.
    speaker.update(question('Let us switch topics. What is your favourite database?', false), MARKS);
    await synthesizeAll(synthesizer);
    const [first, second, third, ...rest] = context.pieceSources;
    expect(first?.stoppedAt).toBeNull();
    expect(second?.stoppedAt).not.toBeNull();
    expect(third?.stoppedAt).not.toBeNull();
    expect(rest).toHaveLength(2);
    expect(rest[0]?.startTime).toBeCloseTo(first?.playEnd ?? Number.NaN, 9);
  });

  it('a new question stops the old one', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    context.advance(500);
    speaker.update(question('Next one: why Svelte?', true, 'q2'), MARKS);
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
    expect(speaker.state.questionId).toBe('q2');
    speaker.update(question('Next one: why Svelte?', false, 'q2'), MARKS);
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text).slice(3)).toEqual(['Next one: why Svelte?']);
    expect(context.pieceSources[3]?.startTime).toBeCloseTo(0.515, 9);
  });

  it('replay() speaks the last question again from the start, without a new timing', async () => {
    const { context, synthesizer, speaker, timings } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    context.advance(5000);
    expect(speaker.state.speaking).toBe(false);
    const reported = timings.length;
    speaker.replay();
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text).slice(3)).toEqual(['Thanks for walking me through that,', 'it sounds like a big project.', 'How did you test it?']);
    expect(speaker.state.speaking).toBe(true);
    context.advance(5000);
    expect(speaker.state.speaking).toBe(false);
    expect(timings).toHaveLength(reported);
  });

  it('does not speak a question first seen settled (a reload), but replays it on request', async () => {
    const { synthesizer, speaker } = setup();
    speaker.update(question('How did you test it?', false), MARKS);
    expect(synthesizer.calls).toEqual([]);
    speaker.replay();
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['How did you test it?']);
  });

  it('speaks nothing in mode off, and turning it off stops the voice', async () => {
    const off = setup({ mode: 'off' });
    stream(off.speaker, THREE_PIECES);
    off.speaker.replay();
    expect(off.synthesizer.calls).toEqual([]);
    expect(off.synthesis.spoken).toEqual([]);
    expect(off.speaker.state.speaking).toBe(false);

    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    speaker.setSettings({ ...DEFAULT_SPEECH_SETTINGS, mode: 'off' });
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
    expect(speaker.state.speaking).toBe(false);
  });

  it('speaks with the browser voice in browser mode', () => {
    const { synthesizer, synthesis, speaker, timings, context } = setup({ mode: 'browser', speed: 1.2 });
    stream(speaker, THREE_PIECES);
    expect(synthesizer.calls).toEqual([]);
    expect(synthesis.spoken.map((utterance) => [utterance.text, utterance.rate])).toEqual([['Thanks for walking me through that,', 1.2]]);
    synthesis.startCurrent();
    context.advance(1500);
    synthesis.endCurrent();
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['Thanks for walking me through that,', 'it sounds like a big project.']);
    expect(timings.at(-1)).toEqual({ questionId: 'q1', engine: BROWSER_VOICE_LABEL, answerSubmittedAt: 990_000, firstTokenAt: 995_000, firstAudioAt: 1_000_000, firstPieceAt: 1_000_000, pieces: [{ chars: 35, audioMs: 1500, synthesisMs: 0 }] });
  });

  it('speaks with the browser voice while Kokoro is not loaded, and with Kokoro once it is', async () => {
    const { synthesizer, synthesis, speaker } = setup({}, { kokoro: false });
    stream(speaker, 'Why Rust?');
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['Why Rust?']);
    speaker.setKokoro({ synthesizer, label: KOKORO_LABEL });
    stream(speaker, 'Why Go?', 8, 'q2');
    await settle();
    expect(synthesizer.calls.map((call) => call.text)).toEqual(['Why Go?']);
  });

  it('goes on with the browser voice when Kokoro fails mid-question, after the audio already queued', async () => {
    const { context, synthesizer, synthesis, speaker, errors, timings } = setup();
    stream(speaker, THREE_PIECES);
    synthesizer.resolveNext(1);
    await settle();
    const failure = new Error('worker crashed');
    synthesizer.rejectNext(failure);
    await settle();
    expect(errors).toEqual([failure]);
    // Kokoro's piece 1 is still playing: the browser waits for it.
    expect(synthesis.spoken).toEqual([]);
    context.advance(1100);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['it sounds like a big project.']);
    synthesis.startCurrent();
    synthesis.endCurrent();
    synthesis.startCurrent();
    synthesis.endCurrent();
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['it sounds like a big project.', 'How did you test it?']);
    expect(speaker.state.speaking).toBe(false);
    expect(timings.at(-1)?.engine).toBe(`${KOKORO_LABEL} → ${BROWSER_VOICE_LABEL}`);
    expect(timings.at(-1)?.pieces).toHaveLength(3);
  });

  it('drops the rest of the question when Kokoro fails and there is no browser voice', async () => {
    const { context, synthesizer, speaker, errors } = setup({}, { browser: false });
    stream(speaker, THREE_PIECES);
    synthesizer.resolveNext(1);
    await settle();
    synthesizer.rejectNext(new Error('out of memory'));
    await settle();
    expect(errors).toHaveLength(1);
    context.advance(2000);
    expect(speaker.state.speaking).toBe(false);
    expect(synthesizer.waiting).toBe(0);
  });

  it('reports the timing at first audio and again as pieces finish', async () => {
    const { context, synthesizer, speaker, timings } = setup();
    stream(speaker, THREE_PIECES);
    synthesizer.resolveNext(1);
    await settle();
    expect(timings).toEqual([]);
    context.advance(20);
    expect(timings).toEqual([{ questionId: 'q1', engine: KOKORO_LABEL, answerSubmittedAt: 990_000, firstTokenAt: 995_000, firstAudioAt: 1_000_015, firstPieceAt: 1_000_000, pieces: [{ chars: 35, audioMs: 1000, synthesisMs: 100 }] }]);
    await synthesizeAll(synthesizer, 1);
    context.advance(5000);
    expect(timings.length).toBeGreaterThan(1);
    expect(timings.at(-1)).toEqual({
      questionId: 'q1',
      engine: KOKORO_LABEL,
      answerSubmittedAt: 990_000,
      firstTokenAt: 995_000,
      firstAudioAt: 1_000_015,
      firstPieceAt: 1_000_000,
      pieces: [
        { chars: 35, audioMs: 1000, synthesisMs: 100 },
        { chars: 29, audioMs: 1000, synthesisMs: 100 },
        { chars: 20, audioMs: 1000, synthesisMs: 100 },
      ],
    });
  });

  it('re-synthesizes only what was queued and not yet heard when a retried turn repeats itself', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    context.advance(100);
    speaker.update(question(''), MARKS);
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    expect(synthesizer.calls.map((call) => call.text).slice(3)).toEqual(['it sounds like a big project.', 'How did you test it?']);
    const heard = context.pieceSources.filter((source) => source.stoppedAt === null);
    expect(heard).toHaveLength(3);
    expectBackToBack(context);
  });

  it('stops when there is no question any more', async () => {
    const { context, synthesizer, speaker } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    speaker.update(null, MARKS);
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
    expect(speaker.state).toEqual({ speaking: false, questionId: null, spokenRange: null });
  });

  it('takes its own timing back through update (the machine round trip) without speaking twice', async () => {
    const context = new FakeAudioContext();
    const audio = createAudioQueue({ context, now: context.now, timer: context.timer });
    const synthesizer = new FakeSynthesizer();
    const latest = question(THREE_PIECES, false);
    const timings: SpeechTiming[] = [];
    const speaker: QuestionSpeaker = new QuestionSpeaker({
      audio,
      browserVoice: null,
      settings: DEFAULT_SPEECH_SETTINGS,
      kokoro: { synthesizer, label: KOKORO_LABEL },
      now: context.now,
      onTiming: (timing) => {
        timings.push(timing);
        speaker.update(latest, MARKS);
      },
    });
    speaker.update(question(THREE_PIECES), MARKS);
    speaker.update(latest, MARKS);
    await synthesizeAll(synthesizer);
    context.advance(5000);
    expect(synthesizer.calls).toHaveLength(3);
    expect(context.pieceSources).toHaveLength(3);
    expect(timings.at(-1)?.pieces).toHaveLength(3);
    expect(speaker.state.speaking).toBe(false);
  });

  it('applies volume and mute to the players at once', () => {
    const { context, speaker, synthesis } = setup();
    speaker.setSettings({ ...DEFAULT_SPEECH_SETTINGS, volume: 0.3 });
    expect(context.gains[0]?.gain.value).toBeCloseTo(0.3);
    speaker.setSettings({ ...DEFAULT_SPEECH_SETTINGS, muted: true });
    expect(context.gains[0]?.gain.value).toBe(0);
    expect(synthesis.spoken).toEqual([]);
  });

  it('unlock() primes both players inside the gesture', async () => {
    const { context, speaker, synthesis } = setup();
    context.state = 'suspended';
    const unlocked = speaker.unlock();
    expect(context.sources).toHaveLength(1);
    expect(synthesis.spoken).toHaveLength(1);
    await unlocked;
    expect(context.state).toBe('running');
    await speaker.unlock();
    expect(synthesis.spoken).toHaveLength(1);
  });

  it('lets go of the players on dispose', async () => {
    const { context, synthesizer, speaker, states } = setup();
    stream(speaker, THREE_PIECES);
    await synthesizeAll(synthesizer);
    speaker.dispose();
    const seen = states.length;
    context.advance(5000);
    expect(states).toHaveLength(seen);
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
  });
});

describe('kokoroLabel', () => {
  it.each([
    [{ device: 'wasm', dtype: 'q8', threads: 4 } as const, 'kokoro · wasm q8 · 4 threads'],
    [{ device: 'webgpu', dtype: 'fp32', threads: 1 } as const, 'kokoro · webgpu fp32 · 1 thread'],
  ])('%j → %s', (info, label) => {
    expect(kokoroLabel(info)).toBe(label);
  });
});
