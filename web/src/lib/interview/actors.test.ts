// The real actors over a fake LLM client: parsing, retry reports, failures, abort on stop, and the whole machine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { LlmError, type LlmRequest, type GenerateOptions, type StreamResult } from '../llm/index.ts';
import { createInterviewActors, runTurn, type LlmFunctions } from './actors.ts';
import { interviewMachine } from './machine.ts';
import { selectTranscript } from './selectors.ts';
import type { TurnEvent, TurnInput } from './turn.ts';
import { DEFAULT_SETTINGS } from './types.ts';

const questionInput: TurnInput = {
  kind: 'question',
  model: 'gemini-2.5-flash',
  strategy: 's',
  profile: { interviewType: 'mixed', level: 'mid' },
  currentTopic: { name: 'Python', why: 'The role is Python.', requirements: ['Python'], probes: ['Built the billing API in Django'] },
  nextTopic: { name: 'Go', why: '', requirements: [], probes: [] },
  followUpAllowed: true,
  followUpsUsed: 0,
  maxFollowUps: 2,
  recent: [],
  questionNumber: 2,
  maxQuestions: 16,
  elapsedMinutes: 1,
  maxMinutes: 45,
};

/** A fake streamGenerate that yields `deltas` then ends, or throws `error` after them; it records its calls. */
function fakeStream(deltas: string[], error?: Error, beforeFirst?: (options: GenerateOptions) => void) {
  const calls: { request: LlmRequest; options: GenerateOptions }[] = [];
  async function* streamGenerate(request: LlmRequest, options: GenerateOptions = {}): AsyncGenerator<string, StreamResult, undefined> {
    calls.push({ request, options });
    beforeFirst?.(options);
    for (const delta of deltas) {
      await Promise.resolve();
      yield delta;
    }
    if (error) throw error;
    return { text: deltas.join(''), finishReason: 'STOP' };
  }
  return { streamGenerate, calls };
}

async function collect(input: TurnInput, llm: Pick<LlmFunctions, 'streamGenerate'>, signal = new AbortController().signal): Promise<TurnEvent[]> {
  const events: TurnEvent[] = [];
  await runTurn(input, (event) => events.push(event), signal, llm);
  return events;
}

describe('runTurn', () => {
  it('reports start, decision, cleaned deltas and done', async () => {
    const fake = fakeStream(['DECISION: FOL', 'LOW_UP\n**Question:** Why', ' Go?']);
    expect(await collect(questionInput, fake)).toEqual([
      { type: 'TURN_STARTED' },
      { type: 'TURN_DECISION', decision: 'FOLLOW_UP' },
      { type: 'TURN_DELTA', text: 'Why' },
      { type: 'TURN_DELTA', text: ' Go?' },
      { type: 'TURN_DONE' },
    ]);
    expect(fake.calls[0]?.request.contents[0]?.role).toBe('user');
    expect(fake.calls[0]?.request.model).toBe('gemini-2.5-flash');
  });

  it('forwards the client’s retries', async () => {
    const fake = fakeStream(['Hi?'], undefined, (options) => options.onRetry?.({ attempt: 1, delayMs: 1500, reason: 'rate-limited' }));
    expect(await collect(questionInput, fake)).toEqual([
      { type: 'TURN_STARTED' },
      { type: 'TURN_RETRYING', attempt: 1, delayMs: 1500 },
      { type: 'TURN_DECISION', decision: 'NEXT_TOPIC' },
      { type: 'TURN_DELTA', text: 'Hi?' },
      { type: 'TURN_DONE' },
    ]);
  });

  it('reports a failure with the user message and whether to retry', async () => {
    const fake = fakeStream(['DECISION: NEXT_TOPIC\nHal'], new LlmError('network', 'dropped', { partial: true }));
    const events = await collect(questionInput, fake);
    expect(events.at(-1)).toEqual({ type: 'TURN_FAILED', message: new LlmError('network', 'x').userMessage, retryable: true });
    const refused = await collect(questionInput, fakeStream([], new LlmError('unauthorized', '401')));
    expect(refused.at(-1)).toMatchObject({ type: 'TURN_FAILED', retryable: false });
  });

  it('reports nothing more after an abort', async () => {
    const controller = new AbortController();
    const fake = fakeStream(['DECISION: NEXT_TOPIC\n', 'Hi'], new LlmError('aborted', 'aborted'), () => controller.abort());
    expect(await collect(questionInput, fake, controller.signal)).toEqual([{ type: 'TURN_STARTED' }]);
  });
});

describe('createInterviewActors with the machine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs an interview over the LLM client: analysis retried on invalid JSON, then turns', async () => {
    const answers = ['not json', JSON.stringify({ strategy: 'Probe.', topics: ['Python', 'Go', 'Python'] })];
    const generate = vi.fn(async (request: LlmRequest) => {
      expect(request.json).toBeDefined();
      return answers.shift() ?? '';
    });
    const streamGenerate = async function* (request: LlmRequest): AsyncGenerator<string, StreamResult, undefined> {
      const text = request.contents[0]?.text ?? '';
      const reply = text.includes('start of the interview') ? 'Welcome! Tell me about yourself.' : 'DECISION: NEXT_TOPIC\nHow do you use Python?';
      await Promise.resolve();
      yield reply;
      return { text: reply, finishReason: 'STOP' };
    };
    const machine = interviewMachine.provide({ actors: createInterviewActors({ generate, streamGenerate }) });
    const actor = createActor(machine, { input: { id: 'x', documents: { resume: 'r', jobDescription: 'j', instructions: '' }, settings: DEFAULT_SETTINGS } });
    actor.start();
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(100);
    expect(generate).toHaveBeenCalledTimes(2);
    expect(actor.getSnapshot().context.plan).toEqual({
      strategy: 'Probe.',
      interviewType: 'mixed',
      level: null,
      requirements: [],
      topics: [
        { id: 't1', name: 'Python', why: '', requirementIds: [], probes: [] },
        { id: 't2', name: 'Go', why: '', requirementIds: [], probes: [] },
      ],
    });
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'I am Jane.' });
    await vi.advanceTimersByTimeAsync(100);
    expect(selectTranscript(actor.getSnapshot()).map((entry) => entry.text)).toEqual(['Welcome! Tell me about yourself.', 'I am Jane.', 'How do you use Python?']);
  });

  it('never keeps a question cut at the output limit: what streamed before the client asked again is dropped', async () => {
    const streamGenerate = async function* (request: LlmRequest, options: GenerateOptions = {}): AsyncGenerator<string, StreamResult, undefined> {
      const start = (request.contents[0]?.text ?? '').includes('start of the interview');
      if (start) {
        yield 'Welcome! Tell me about yourself.';
        return { text: 'Welcome! Tell me about yourself.', finishReason: 'STOP' };
      }
      // The client's own retry after a reply cut at MAX_TOKENS: the half question came first, then the whole one.
      yield 'DECISION: NEXT_TOPIC\nTell me about the time you';
      await Promise.resolve();
      options.onRetry?.({ attempt: 1, delayMs: 0, reason: 'max-tokens' });
      yield 'DECISION: NEXT_TOPIC\nTell me about the time you shipped under pressure.';
      return { text: 'DECISION: NEXT_TOPIC\nTell me about the time you shipped under pressure.', finishReason: 'STOP' };
    };
    const generate = async () => JSON.stringify({ strategy: 's', topics: ['Delivery', 'Teams'] });
    const machine = interviewMachine.provide({ actors: createInterviewActors({ generate, streamGenerate }) });
    const actor = createActor(machine, { input: { id: 'x', documents: { resume: 'r', jobDescription: 'j', instructions: '' }, settings: DEFAULT_SETTINGS } });
    actor.start();
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(100);
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'I am Jane.' });
    await vi.advanceTimersByTimeAsync(100);
    expect(selectTranscript(actor.getSnapshot()).at(-1)?.text).toBe('Tell me about the time you shipped under pressure.');
  });

  it('aborts the stream when the turn actor stops', async () => {
    let seen: AbortSignal | undefined;
    const streamGenerate = async function* (_request: LlmRequest, options: GenerateOptions = {}): AsyncGenerator<string, StreamResult, undefined> {
      seen = options.signal;
      yield 'Welc';
      await new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(new LlmError('aborted', 'aborted'))));
      return { text: '', finishReason: 'STOP' };
    };
    const generate = async () => JSON.stringify({ strategy: 's', topics: ['A'] });
    const machine = interviewMachine.provide({ actors: createInterviewActors({ generate, streamGenerate }) });
    const actor = createActor(machine, { input: { id: 'x', documents: { resume: 'r', jobDescription: 'j', instructions: '' }, settings: DEFAULT_SETTINGS } });
    actor.start();
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(10);
    expect(actor.getSnapshot().context.liveQuestion).toBe('Welc');
    actor.stop();
    expect(seen?.aborted).toBe(true);
  });
});
