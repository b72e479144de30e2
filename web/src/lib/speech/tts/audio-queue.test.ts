// Tests of the Web Audio queue on a fake AudioContext and clock: order, no overlap, no gaps, stop, events, unlock, resume.
import { describe, expect, it } from 'vitest';
import { createAudioQueue, resumeWhenVisible, type AudioQueue, type PlaybackEvent, type VisibilitySource } from './audio-queue.ts';
import { FakeAudioContext, type FakeSource } from './fakes.ts';

const RATE = 24_000;

function samples(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE)).fill(0.25);
}

function setup(lead = 0.015): { context: FakeAudioContext; queue: AudioQueue; events: PlaybackEvent[] } {
  const context = new FakeAudioContext();
  const queue = createAudioQueue({ context, leadSeconds: lead, now: context.now, timer: context.timer });
  const events: PlaybackEvent[] = [];
  queue.subscribe((event) => events.push(event));
  return { context, queue, events };
}

function spans(sources: readonly FakeSource[]): [number, number][] {
  return sources.map((source) => [source.startTime ?? Number.NaN, source.playEnd]);
}

describe('createAudioQueue', () => {
  it('plays pieces in order, back to back, without overlap or gaps while synthesis keeps up', () => {
    const { context, queue } = setup();
    queue.enqueue(1, samples(1), RATE);
    queue.enqueue(2, samples(0.5), RATE);
    context.advance(300);
    queue.enqueue(3, samples(2), RATE);
    const played = spans(context.pieceSources);
    expect(played).toHaveLength(3);
    expect(played[0]?.[0]).toBeCloseTo(0.015, 6);
    for (let i = 1; i < played.length; i++) {
      expect(played[i]?.[0]).toBeCloseTo(played[i - 1]?.[1] ?? Number.NaN, 9);
    }
  });

  it('starts a piece that comes late at now + lead, never in the past', () => {
    const { context, queue } = setup();
    queue.enqueue(1, samples(0.2), RATE);
    context.advance(1000);
    queue.enqueue(2, samples(0.2), RATE);
    const [, second] = spans(context.pieceSources);
    expect(second?.[0]).toBeCloseTo(1.015, 6);
  });

  it('copies the samples into a mono buffer at their own rate, through the gain node', () => {
    const { context, queue } = setup();
    queue.enqueue(1, samples(0.1), RATE);
    const source = context.pieceSources[0];
    expect(source?.buffer?.sampleRate).toBe(RATE);
    expect(source?.buffer?.data[0]).toBeCloseTo(0.25);
    expect(source?.connectedTo).toBe(context.gains[0]);
    expect(context.gains[0]?.connectedTo).toBe(context.destination);
  });

  it('reports each piece start (with its scheduled epoch time) and end, then idle', () => {
    const { context, queue, events } = setup();
    const scheduled = queue.enqueue(7, samples(0.5), RATE);
    queue.enqueue(8, samples(0.5), RATE);
    expect(scheduled).toEqual({ startTime: 0.015, at: 1_000_015, durationMs: 500 });
    expect(events).toEqual([]);
    context.advance(20);
    expect(events).toEqual([{ type: 'start', pieceId: 7, at: 1_000_015, durationMs: 500 }]);
    context.advance(600);
    expect(events.slice(1)).toEqual([
      { type: 'end', pieceId: 7 },
      { type: 'start', pieceId: 8, at: 1_000_515, durationMs: 500 },
    ]);
    context.advance(500);
    expect(events.slice(3)).toEqual([{ type: 'end', pieceId: 8 }, { type: 'idle' }]);
    expect(queue.busy).toBe(false);
  });

  it('maps context time to epoch time through getOutputTimestamp when the context has it', () => {
    const context = new FakeAudioContext();
    Object.assign(context, { getOutputTimestamp: () => ({ contextTime: 2, performanceTime: 500 }) });
    const queue = createAudioQueue({ context, now: context.now, timer: context.timer, timeOrigin: 1_700_000_000_000 });
    expect(queue.toEpochMs(2.5)).toBe(1_700_000_001_000);
  });

  it('stop() silences every scheduled piece at once and reports nothing more', () => {
    const { context, queue, events } = setup();
    queue.enqueue(1, samples(1), RATE);
    queue.enqueue(2, samples(1), RATE);
    queue.enqueue(3, samples(1), RATE);
    context.advance(500);
    queue.stop();
    expect(context.pieceSources.every((source) => source.stoppedAt !== null)).toBe(true);
    expect(queue.busy).toBe(false);
    const before = events.length;
    context.advance(5000);
    expect(events.length).toBe(before);
    queue.enqueue(4, samples(0.1), RATE);
    expect(context.pieceSources[3]?.startTime).toBeCloseTo(5.515, 6);
  });

  it('dropUnstarted() keeps the piece playing and drops the rest', () => {
    const { context, queue, events } = setup();
    queue.enqueue(1, samples(1), RATE);
    queue.enqueue(2, samples(1), RATE);
    queue.enqueue(3, samples(1), RATE);
    context.advance(500);
    expect(queue.dropUnstarted()).toEqual([2, 3]);
    const [first, second, third] = context.pieceSources;
    expect(first?.stoppedAt).toBeNull();
    expect(second?.stoppedAt).not.toBeNull();
    expect(third?.stoppedAt).not.toBeNull();
    queue.enqueue(4, samples(1), RATE);
    expect(context.pieceSources[3]?.startTime).toBeCloseTo(1.015, 6);
    context.advance(3000);
    expect(events.filter((event) => event.type !== 'idle').map((event) => `${event.type}:${'pieceId' in event ? event.pieceId : ''}`)).toEqual(['start:1', 'end:1', 'start:4', 'end:4']);
  });

  it('sets volume and mute on the gain node', () => {
    const { context, queue } = setup();
    const gain = context.gains[0];
    queue.setVolume(0.4);
    expect(gain?.gain.value).toBeCloseTo(0.4);
    queue.setMuted(true);
    expect(gain?.gain.value).toBe(0);
    queue.setVolume(2);
    queue.setMuted(false);
    expect(gain?.gain.value).toBe(1);
  });

  it('plays an empty piece as a silent one that still starts and ends', () => {
    const { context, queue, events } = setup();
    queue.enqueue(1, new Float32Array(0), RATE);
    queue.enqueue(2, samples(0.1), RATE);
    context.advance(200);
    expect(events.map((event) => event.type)).toEqual(['start', 'end', 'start', 'end', 'idle']);
  });

  it('unlock() plays one silent sample and resumes a suspended context', async () => {
    const { context, queue } = setup();
    context.state = 'suspended';
    await queue.unlock();
    const primer = context.sources[0];
    expect(primer?.buffer?.data.length).toBe(1);
    expect(primer?.startTime).toBe(0);
    expect(primer?.connectedTo).toBe(context.destination);
    expect(context.state).toBe('running');
    expect(context.resumeCalls).toBe(1);
  });

  it('loses nothing while the tab is in the background: pieces wait and play after resume', async () => {
    const { context, queue, events } = setup();
    queue.enqueue(1, samples(0.5), RATE);
    queue.enqueue(2, samples(0.5), RATE);
    context.advance(100);
    context.setState('suspended');
    context.advance(60_000);
    expect(events.map((event) => event.type)).toEqual(['start']);
    const document: VisibilitySource & { visibilityState: string; fire(): void } = {
      visibilityState: 'hidden',
      listeners: [] as (() => void)[],
      addEventListener(_type, listener) {
        this.listeners.push(listener);
      },
      removeEventListener(_type, listener) {
        this.listeners = this.listeners.filter((other) => other !== listener);
      },
      fire() {
        for (const listener of this.listeners) listener();
      },
    } as VisibilitySource & { visibilityState: string; listeners: (() => void)[]; fire(): void };
    const unwatch = resumeWhenVisible(document, queue);
    document.visibilityState = 'visible';
    document.fire();
    await Promise.resolve();
    expect(context.resumeCalls).toBe(1);
    context.advance(1000);
    expect(events.map((event) => event.type)).toEqual(['start', 'end', 'start', 'end', 'idle']);
    unwatch();
  });

  it('ignores the ended events of stopped sources', () => {
    const { context, queue, events } = setup();
    queue.enqueue(1, samples(1), RATE);
    queue.stop();
    queue.enqueue(2, samples(1), RATE);
    context.advance(100);
    expect(events).toEqual([{ type: 'start', pieceId: 2, at: 1_000_015, durationMs: 1000 }]);
  });
});
