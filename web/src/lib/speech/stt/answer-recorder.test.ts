// The recorder end to end without a browser: the spoken fixture's frames with Silero's real probabilities in,
// a fake engine (RunPod's error rules) that finds each clip in the source out. Also retries (under the same clip id), failures, reload
// recovery, partials, landing order, the server's wait and auto-finish, with synthetic frames.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../api/index.ts';
import type { ListeningTiming } from './listening-timing.ts';
import { AnswerRecorder, type RecorderDeps, type RecorderOptions, type RecorderState } from './answer-recorder.ts';
import { createFramer, FRAME_MS, FRAME_SAMPLES } from './framer.ts';
import { memorySegmentStore, type SegmentStore } from '../../storage/index.ts';
import { loadAnswerFixture, loadNodeSilero, spokenSeconds, type SpeechFixture } from './testdata/fixtures.ts';
import type { ServerPhase, SpeechClip, SpeechToTextEngine } from './engine.ts';
import { RUNPOD_POLICY } from './engines/runpod/index.ts';
import { DEFAULT_UPLOAD_POLICY } from './budget.ts';
import { describeTranscriptionError, isRetryable } from './engines/runpod/errors.ts';

const OPTIONS: RecorderOptions = { interviewId: 'iv-1', questionId: 'q-1', language: 'en', autoFinishSeconds: null, retry: { maxAttempts: 3, backoff: { baseMs: 1, maxMs: 4 }, timeoutMs: 1000 } };

interface Harness {
  recorder: AnswerRecorder;
  landed: string[];
  takes: ListeningTiming[];
  states: RecorderState[];
  requests: SpeechClip[];
  clock: { now: number };
  autoFinished: number[];
}

/** What the fake engine answers for one clip. */
type Transcribe = (clip: SpeechClip, signal: AbortSignal, onPhase?: (phase: ServerPhase) => void) => Promise<string>;

function harness(transcribe: Transcribe, options: Partial<RecorderOptions> = {}, store: SegmentStore = memorySegmentStore()): Harness {
  const h: Omit<Harness, 'recorder'> = { landed: [], takes: [], states: [], requests: [], clock: { now: 1_000_000 }, autoFinished: [] };
  const deps: RecorderDeps = {
    engine: {
      kind: 'runpod',
      label: 'fake',
      policy: RUNPOD_POLICY,
      transcribe: (clip, signal, onPhase) => {
        h.requests.push(clip);
        return transcribe(clip, signal, onPhase);
      },
      isRetryable,
      describeError: describeTranscriptionError,
    } satisfies SpeechToTextEngine,
    store,
    context: () => h.landed.join(' '),
    land: (text) => h.landed.push(text),
    onChange: (state) => h.states.push(state),
    onTake: (timing) => h.takes.push(timing),
    onAutoFinish: () => h.autoFinished.push(h.clock.now),
    now: () => h.clock.now,
  };
  return { ...h, recorder: new AnswerRecorder({ ...OPTIONS, ...options }, deps) };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Feeds frames as if in real time (32 ms each), letting transcriptions settle between frames. */
async function feed(h: Harness, frames: Float32Array[], probabilities: number[]): Promise<void> {
  for (let i = 0; i < frames.length; i++) {
    h.clock.now += FRAME_MS;
    h.recorder.pushFrame(frames[i] ?? new Float32Array(FRAME_SAMPLES), probabilities[i] ?? 0);
    await tick();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Synthetic speech: a tone where `speech` is true, silence elsewhere; probabilities to match. */
function synthetic(runs: [boolean, number][]): { frames: Float32Array[]; probabilities: number[] } {
  const frames: Float32Array[] = [];
  const probabilities: number[] = [];
  for (const [speech, count] of runs) {
    for (let i = 0; i < count; i++) {
      frames.push(Float32Array.from({ length: FRAME_SAMPLES }, (_, n) => (speech ? 0.3 * Math.sin((2 * Math.PI * 220 * (frames.length * FRAME_SAMPLES + n)) / 16000) : 0)));
      probabilities.push(speech ? 0.95 : 0.02);
    }
  }
  return { frames, probabilities };
}

const samplesOf = (clip: SpeechClip) => clip.pcm;

describe('AnswerRecorder on the spoken fixture with Silero', () => {
  let fixture: { samples: Float32Array; pcm: Int16Array; info: SpeechFixture };
  let frames: Float32Array[];
  let probabilities: number[];

  // Warning: Silero runs on every frame of the fixture here; a busy 2-core machine needs more than the default 10 s.
  beforeAll(async () => {
    fixture = await loadAnswerFixture();
    const detector = await loadNodeSilero();
    frames = createFramer().push(fixture.samples);
    probabilities = [];
    for (const frame of frames) probabilities.push(await detector.probability(frame));
  }, 60_000);

  /** Finds a clip in the source (sample-exact) and answers the sentences it covers, or their first words. */
  function locatingTranscriber(clips: { offset: number; length: number }[]): Transcribe {
    return async (request) => {
      const clip = samplesOf(request);
      const offset = findExact(fixture.pcm, clip);
      clips.push({ offset, length: clip.length });
      const from = offset / 16000;
      const to = (offset + clip.length) / 16000;
      return fixture.info.sentences
        .filter((s) => s.start < to && s.end > from)
        .map((s) => {
          const words = s.text.split(' ');
          const covered = Math.min(1, (to - s.start + 0.1) / (s.end - s.start));
          return words.slice(0, Math.max(1, Math.floor(words.length * covered))).join(' ');
        })
        .join(' ');
    };
  }

  it('sends each sentence once, as the exact source audio, lands them in order, and stays within 1.5× the spoken length', async () => {
    const clips: { offset: number; length: number }[] = [];
    const h = harness(locatingTranscriber(clips));
    h.recorder.start(h.clock.now);
    await feed(h, frames, probabilities);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');

    expect(h.landed).toEqual(fixture.info.sentences.map((s) => s.text));
    expect(clips.every((clip) => clip.offset >= 0)).toBe(true);
    // Finals: one per sentence, covering it whole; partials (if any) are the open segment so far.
    const spoken = spokenSeconds(fixture.info);
    const take = h.takes[0];
    expect(take?.audioSecondsSent).toBeCloseTo(clips.reduce((sum, clip) => sum + clip.length / 16000, 0), 1);
    expect(take?.audioSecondsSent).toBeLessThanOrEqual(1.5 * spoken);
    expect(take?.spokenSeconds).toBeGreaterThan(spoken - 0.6);
    expect(take?.spokenSeconds).toBeLessThan(spoken + 0.6);
    // Speech ended with the last sentence; the clock ran in step with the audio.
    const lastEnd = fixture.info.sentences.at(-1)?.end ?? NaN;
    expect(Math.abs((take?.speechEndAt ?? NaN) - (1_000_000 + lastEnd * 1000))).toBeLessThan(200);
    expect(take?.transcriptReadyAt).toBeGreaterThanOrEqual(take?.speechEndAt ?? Infinity);
    // Speech started with the first sentence; the two silences between sentences (1.5 s each) are its pauses.
    const firstStart = fixture.info.sentences[0]?.start ?? NaN;
    expect(Math.abs((take?.speechStartAt ?? NaN) - (1_000_000 + firstStart * 1000))).toBeLessThan(200);
    const gaps = fixture.info.sentences.slice(1).map((s, i) => s.start - (fixture.info.sentences[i]?.end ?? NaN));
    expect(take?.pauses?.filter((pause) => pause >= 1)).toHaveLength(gaps.length);
    take?.pauses?.filter((pause) => pause >= 1).forEach((pause, i) => expect(Math.abs(pause - (gaps[i] ?? NaN))).toBeLessThan(0.3));
    expect(h.recorder.state).toMatchObject({ phase: 'idle', busy: false, pending: '', failure: null });
  });

  it('keeps what a reload interrupted and transcribes it on recovery', async () => {
    const store = memorySegmentStore();
    // Nothing comes back before the "reload".
    const stuck: Transcribe = (_request, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const first = harness(stuck, {}, store);
    first.recorder.start(first.clock.now);
    const cut = Math.round(9 / (FRAME_MS / 1000));
    await feed(first, frames.slice(0, cut), probabilities.slice(0, cut));
    await first.recorder.settled();
    first.recorder.dispose();
    await first.recorder.settled();
    const stored = await store.list('iv-1', 'q-1');
    expect(stored.map((record) => record.state)).toEqual(['pending', 'pending']);
    expect(stored.every((record) => record.pcm !== null)).toBe(true);
    // The first segment was sent before the reload: sent again after it, it keeps its clip id (the job resumes).
    const sentBefore = first.requests[0]?.clipId;
    expect(stored[0]?.clipId).toBe(sentBefore);

    const clips: { offset: number; length: number }[] = [];
    const second = harness(locatingTranscriber(clips), {}, store);
    expect(await second.recorder.recover()).toBe(true);
    await until(() => second.takes.length === 1, 'the recovered take');
    expect(second.requests.map((request) => request.clipId)).toEqual(stored.map((record) => record.clipId));
    expect(second.landed).toEqual(fixture.info.sentences.slice(0, 2).map((s) => s.text));
    await second.recorder.settled();
    expect(await store.list('iv-1', 'q-1')).toEqual([]);
  });
});

describe('AnswerRecorder with synthetic speech', () => {
  const twoSentences = synthetic([
    [false, 10],
    [true, 60],
    [false, 40],
    [true, 60],
    [false, 40],
  ]);

  it('retries a failed transcription with backoff and lands the text', async () => {
    let calls = 0;
    const h = harness(async () => {
      calls++;
      if (calls <= 2) throw new ApiError(502, 'upstream_error', 'Transcription failed on RunPod: CUDA out of memory');
      return `text ${calls}`;
    });
    h.recorder.start();
    await feed(h, twoSentences.frames, twoSentences.probabilities);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(calls).toBe(4);
    expect(h.landed).toHaveLength(2);
    expect(h.states.some((state) => state.retrying)).toBe(true);
    // Every try of a segment under one clip id, each segment under its own.
    const tries = new Map<string, number>();
    for (const request of h.requests) tries.set(request.clipId, (tries.get(request.clipId) ?? 0) + 1);
    expect([...tries.values()].sort()).toEqual([1, 3]);
    // Retries count in the audio sent.
    expect(h.takes[0]?.audioSecondsSent).toBeCloseTo(h.requests.reduce((sum, request) => sum + request.pcm.length, 0) / 16000, 2);
  });

  it('waits out a Retry-After the server gives, in seconds or as an HTTP date', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    let calls = 0;
    const sentAt: number[] = [];
    const h = harness(async () => {
      sentAt.push(Date.now());
      calls++;
      if (calls === 1) throw new ApiError(429, 'rate_limited', 'slow down', { headers: new Headers({ 'retry-after': new Date(clock.now + 3).toUTCString() }) });
      return 'ok';
    }, { retry: { maxAttempts: 3, backoff: { baseMs: 1, maxMs: 60 }, timeoutMs: 1000 } });
    h.clock.now = clock.now;
    h.recorder.start();
    await feed(h, twoSentences.frames.slice(0, 110), twoSentences.probabilities.slice(0, 110));
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(calls).toBe(2);
  });

  it("shows that the transcription server is starting up while a clip waits for it, and stops once it answered", async () => {
    let release: (text: string) => void = () => undefined;
    const h = harness(
      (_request, _signal, onPhase) =>
        new Promise<string>((resolve) => {
          onPhase?.('queued');
          onPhase?.('starting');
          release = resolve;
        }),
    );
    h.recorder.start();
    await feed(h, twoSentences.frames.slice(0, 110), twoSentences.probabilities.slice(0, 110));
    h.recorder.finish();
    await until(() => h.recorder.state.serverWait === 'starting', 'the cold start');
    expect(h.states.map((state) => state.serverWait)).toContain('queued');
    release('warm now');
    await until(() => h.takes.length === 1, 'the take');
    expect(h.recorder.state.serverWait).toBeNull();
    expect(h.landed).toEqual(['warm now']);
  });

  it('tells the candidate when every try failed, then retries on request or lets them skip that part', async () => {
    let failing = true;
    const h = harness(async (request) => {
      if (failing) throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
      return `heard ${samplesOf(request).length}`;
    });
    h.recorder.start();
    await feed(h, twoSentences.frames, twoSentences.probabilities);
    h.recorder.finish();
    await until(() => h.recorder.state.failure !== null, 'the failure');
    expect(h.recorder.state).toMatchObject({ phase: 'finishing', busy: true, failure: 'The server could not be reached. Check your connection.' });
    expect(h.requests.length).toBeGreaterThanOrEqual(3);
    expect(h.landed).toEqual([]);

    failing = false;
    h.recorder.retry();
    await until(() => h.takes.length === 1, 'the take after retrying');
    expect(h.landed).toHaveLength(2);
    expect(h.recorder.state.failure).toBeNull();
  });

  it('skipping a failed segment lands the ones after it', async () => {
    let calls = 0;
    const h = harness(async () => {
      calls++;
      if (calls === 1) throw new ApiError(503, 'not_configured', 'Speech-to-text is not configured on this server.');
      return 'the second sentence';
    });
    h.recorder.start();
    await feed(h, twoSentences.frames, twoSentences.probabilities);
    h.recorder.finish();
    await until(() => h.recorder.state.failure !== null, 'the failure');
    // Not retried: no try can fix a server without speech-to-text.
    expect(h.recorder.state.failure).toMatch(/no speech-to-text service/);
    await until(() => calls === 2, 'the second segment');
    h.recorder.skipFailed();
    await until(() => h.takes.length === 1, 'the take');
    expect(h.landed).toEqual(['the second sentence']);
  });

  it('lands texts in the order spoken even when they come back out of order', async () => {
    const resolvers: ((text: string) => void)[] = [];
    const h = harness(() => new Promise<string>((resolve) => resolvers.push(resolve)));
    h.recorder.start();
    await feed(h, twoSentences.frames, twoSentences.probabilities);
    h.recorder.finish();
    await until(() => resolvers.length === 2, 'two requests');
    resolvers[1]?.('second');
    await tick();
    expect(h.landed).toEqual([]);
    expect(h.recorder.state.pending).toBe('second');
    resolvers[0]?.('first');
    await until(() => h.takes.length === 1, 'the take');
    expect(h.landed).toEqual(['first', 'second']);
  });

  it('shows partials of a long open segment once earlier speech paid for them, within 1.5× the voiced time', async () => {
    const long = synthetic([
      [true, 150],
      [false, 30],
      [true, 150],
      [false, 30],
      [true, 300],
      [false, 10],
    ]);
    const h = harness(async (request) => `words ${samplesOf(request).length}`);
    h.recorder.start();
    await feed(h, long.frames, long.probabilities);
    // Finals land at once (nothing holds them back), so text pending while recording is a partial.
    const partials = h.states.filter((state) => state.phase === 'recording' && /words/.test(state.pending));
    expect(partials.length).toBeGreaterThan(0);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(h.landed).toHaveLength(3);
    const take = h.takes[0];
    expect(h.requests.length).toBeGreaterThan(3);
    expect(take?.audioSecondsSent).toBeLessThanOrEqual(1.5 * (take?.spokenSeconds ?? 0));
  });

  it('finishes by itself after the chosen silence, never before the candidate spoke', async () => {
    const h = harness(async () => 'ok', { autoFinishSeconds: 2 });
    h.recorder.start();
    const quiet = synthetic([[false, 200]]);
    await feed(h, quiet.frames, quiet.probabilities);
    expect(h.autoFinished).toEqual([]);
    const spoken = synthetic([
      [true, 40],
      [false, 100],
    ]);
    await feed(h, spoken.frames, spoken.probabilities);
    expect(h.autoFinished).toHaveLength(1);
    // 2 s of silence after the last speech frame: 62.5 frames.
    const silenceFrames = (h.autoFinished[0]! - 1_000_000) / FRAME_MS - 240;
    expect(silenceFrames).toBeGreaterThanOrEqual(62);
    expect(silenceFrames).toBeLessThanOrEqual(64);
    expect(h.states.some((state) => state.autoFinishIn === 1)).toBe(true);
  });

  it('asked to finish at the next pause, waits for the sentence being spoken to end, or finishes at once in silence', async () => {
    const h = harness(async () => 'ok');
    h.recorder.start();
    const speaking = synthetic([
      [false, 5],
      [true, 40],
    ]);
    await feed(h, speaking.frames, speaking.probabilities);
    h.recorder.finishAtPause();
    const more = synthetic([[true, 30]]);
    await feed(h, more.frames, more.probabilities);
    expect(h.autoFinished).toEqual([]);
    const pause = synthetic([[false, 30]]);
    await feed(h, pause.frames, pause.probabilities);
    expect(h.autoFinished).toHaveLength(1);

    const quiet = harness(async () => 'ok');
    quiet.recorder.start();
    const silence = synthetic([[false, 20]]);
    await feed(quiet, silence.frames, silence.probabilities);
    quiet.recorder.finishAtPause();
    expect(quiet.autoFinished).toHaveLength(1);
  });

  it("says the tail's audio is complete once the open segment's post-roll of silence has passed, and sends that same audio at finish", async () => {
    const h = harness(async () => 'ok', { policy: { ...DEFAULT_UPLOAD_POLICY, earlyFinalAfterMs: null } });
    expect(h.recorder.tailComplete).toBe(false);
    h.recorder.start();
    const lead = synthetic([[false, 5]]);
    await feed(h, lead.frames, lead.probabilities);
    expect(h.recorder.tailComplete).toBe(true);
    const speaking = synthetic([[true, 40]]);
    await feed(h, speaking.frames, speaking.probabilities);
    expect(h.recorder.tailComplete).toBe(false);
    // The post-roll is 192 ms: 6 frames. Complete one frame after it, not before.
    const postRoll = synthetic([[false, 6]]);
    await feed(h, postRoll.frames, postRoll.probabilities);
    expect(h.recorder.tailComplete).toBe(false);
    const after = synthetic([[false, 1]]);
    await feed(h, after.frames, after.probabilities);
    expect(h.recorder.tailComplete).toBe(true);
    const again = synthetic([[true, 2]]);
    await feed(h, again.frames, again.probabilities);
    expect(h.recorder.tailComplete).toBe(false);
    const quiet = synthetic([[false, 7]]);
    await feed(h, quiet.frames, quiet.probabilities);
    expect(h.recorder.tailComplete).toBe(true);
    h.recorder.finish();
    expect(h.recorder.tailComplete).toBe(false);
    await until(() => h.takes.length === 1, 'the take');
    // The lead-in silence (5 frames, all pre-roll), the 42 speech frames with the 7 silent frames between, the post-roll.
    expect(h.requests.map((clip) => clip.pcm.length)).toEqual([(5 + 40 + 7 + 2 + 6) * FRAME_SAMPLES]);
  });

  it('sends nothing and lands nothing for silence; the take still completes', async () => {
    const h = harness(async () => 'never');
    h.recorder.start();
    const quiet = synthetic([[false, 100]]);
    await feed(h, quiet.frames, quiet.probabilities);
    h.recorder.finish();
    expect(h.takes).toEqual([{ speechEndAt: null, transcriptReadyAt: h.clock.now, spokenSeconds: 0, audioSecondsSent: 0, speechStartAt: null, pauses: [] }]);
    expect(h.requests).toEqual([]);
  });

  it('sends finals one at a time while recording, so a burst of segments still chains their prompts', async () => {
    let count = 0;
    const h = harness(async (request) => `said ${++count} after [${request.prompt}]`);
    h.recorder.start();
    // All frames at once, as when the VAD catches up after its model loaded.
    twoSentences.frames.forEach((frame, i) => h.recorder.pushFrame(frame, twoSentences.probabilities[i] ?? 0));
    await until(() => h.landed.length === 2, 'both segments');
    expect(h.landed).toEqual(['said 1 after []', 'said 2 after [said 1 after []]']);
    h.recorder.finish();
  });

  it('stores the open segment every second, and at once when the page is closing', async () => {
    const store = memorySegmentStore();
    const h = harness(async () => 'x', {}, store);
    h.recorder.start();
    const speech = synthetic([
      [false, 5],
      [true, 20],
    ]);
    await feed(h, speech.frames, speech.probabilities);
    await h.recorder.settled();
    expect(store.records.size).toBe(0);
    h.recorder.persistNow();
    await h.recorder.settled();
    const [open] = await store.list('iv-1', 'q-1');
    expect(open).toMatchObject({ state: 'open', index: 0, text: null });
    // From the pre-roll to the last frame captured: 25 frames of 512 samples.
    expect(open?.pcm?.byteLength).toBe(25 * FRAME_SAMPLES * 2);
    const more = synthetic([[true, 40]]);
    await feed(h, more.frames, more.probabilities);
    await h.recorder.settled();
    expect((await store.list('iv-1', 'q-1'))[0]?.pcm?.byteLength).toBeGreaterThan(25 * FRAME_SAMPLES * 2);
  });

  it('sends the text so far as the prompt', async () => {
    const h = harness(async (request) => `after "${request.prompt}"`);
    h.landed.push('Typed first.');
    h.recorder.start();
    await feed(h, twoSentences.frames, twoSentences.probabilities);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(h.requests.map((request) => request.prompt)).toEqual(['Typed first.', 'Typed first. after "Typed first."']);
  });
});

function findExact(haystack: Int16Array, needle: Int16Array): number {
  outer: for (let offset = 0; offset + needle.length <= haystack.length; offset++) {
    for (let i = 0; i < needle.length; i += 97) if (haystack[offset + i] !== needle[i]) continue outer;
    for (let i = 0; i < needle.length; i++) if (haystack[offset + i] !== needle[i]) continue outer;
    return offset;
  }
  return -1;
}

describe("AnswerRecorder's early finals (sent at a pause, before the segment closes)", () => {
  /** 5 silent frames lead in (all pre-roll), then 40 of speech and a pause; early finals go after 4 frames (128 ms) of it. */
  const sentence = synthetic([
    [false, 5],
    [true, 40],
    [false, 7],
  ]);
  const clipFrames = (clip: SpeechClip) => clip.pcm.length / FRAME_SAMPLES;

  it("sends the open segment's final after 128 ms of pause; when the candidate stops there, that request is the final", async () => {
    const h = harness(async () => 'the whole sentence');
    h.recorder.start();
    await feed(h, sentence.frames.slice(0, 5 + 40 + 3), sentence.probabilities.slice(0, 5 + 40 + 3));
    expect(h.requests).toHaveLength(0);
    await feed(h, sentence.frames.slice(5 + 40 + 3), sentence.probabilities.slice(5 + 40 + 3));
    expect(h.requests.map(clipFrames)).toEqual([5 + 40 + 4]);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    // Done sent nothing more: the words were already on their way.
    expect(h.requests).toHaveLength(1);
    expect(h.landed).toEqual(['the whole sentence']);
    expect(h.takes[0]?.audioSecondsSent).toBeCloseTo((49 * FRAME_SAMPLES) / 16000, 2);
  });

  it('is the final too when the pause grows long enough to close the segment, and a failed one is tried again with the same audio and clip id', async () => {
    let calls = 0;
    const h = harness(async () => {
      calls++;
      if (calls === 1) throw new ApiError(502, 'upstream_error', 'Transcription failed on RunPod: CUDA out of memory');
      return 'the whole sentence';
    });
    h.recorder.start();
    const pause = synthetic([[false, 30]]);
    await feed(h, [...sentence.frames, ...pause.frames], [...sentence.probabilities, ...pause.probabilities]);
    await until(() => h.landed.length === 1, 'the sentence');
    expect(h.requests.map(clipFrames)).toEqual([49, 49]);
    expect(h.requests[1]?.clipId).toBe(h.requests[0]?.clipId);
    expect([...(h.requests[1]?.pcm ?? [])]).toEqual([...(h.requests[0]?.pcm ?? [])]);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(h.landed).toEqual(['the whole sentence']);
  });

  it('splits the segment where the early clip ended when the candidate speaks on and the budget has no room for a partial', async () => {
    let count = 0;
    const h = harness(async () => `part ${++count}`);
    h.recorder.start();
    const more = synthetic([
      [true, 40],
      [false, 30],
    ]);
    await feed(h, [...sentence.frames, ...more.frames], [...sentence.probabilities, ...more.probabilities]);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    // The head is the early clip; the rest starts where the head ended (its pre-roll: the 3 quiet frames left), and
    // is sent early in its own pause.
    expect(h.requests.map(clipFrames)).toEqual([5 + 40 + 4, 3 + 40 + 4]);
    expect(h.landed).toEqual(['part 1', 'part 2']);
    expect(h.requests[1]?.prompt).toBe('part 1');
    const take = h.takes[0];
    expect(take?.audioSecondsSent).toBeLessThanOrEqual(1.5 * (take?.spokenSeconds ?? 0));
  });

  it('shows the early clip as a partial when earlier speech paid for it, and sends the segment whole once it closes', async () => {
    const h = harness(async (clip) => `words ${clipFrames(clip)}`);
    h.recorder.start();
    const answer = synthetic([
      [true, 200],
      [false, 30],
      [true, 40],
      [false, 7],
      [true, 20],
      [false, 30],
    ]);
    await feed(h, answer.frames, answer.probabilities);
    // The first segment's early clip (200 speech frames and 4 of pause), its final; the second's early clip: its 8
    // frames of pre-roll, 40 of speech and 4 of pause; then the second whole, early in its own pause, the 7 quiet
    // frames kept inside it.
    expect(h.requests.map(clipFrames)).toEqual([204, 8 + 40 + 4, 8 + 40 + 7 + 20 + 4]);
    expect(h.states.some((state) => state.phase === 'recording' && state.pending === 'words 52')).toBe(true);
    h.recorder.finish();
    await until(() => h.takes.length === 1, 'the take');
    expect(h.landed).toEqual(['words 204', 'words 79']);
    const take = h.takes[0];
    expect(take?.audioSecondsSent).toBeLessThanOrEqual(1.5 * (take?.spokenSeconds ?? 0));
  });
});
