// The worker's two lanes: urgent requests overtake queued ones but never the one running, order within a lane holds.
import { describe, expect, it } from 'vitest';
import { createTwoLaneRunner } from './lanes.ts';

describe('createTwoLaneRunner', () => {
  it('runs one at a time, urgent first, each lane in arrival order', async () => {
    const log: string[] = [];
    let active = 0;
    const runner = createTwoLaneRunner<string>(
      (item) => item.startsWith('vad'),
      async (item) => {
        active += 1;
        expect(active).toBe(1);
        log.push(item);
        await new Promise((resolve) => setTimeout(resolve, 1));
        active -= 1;
      },
    );
    for (const item of ['tts1', 'tts2', 'vad1', 'tts3', 'vad2']) void runner.push(item);
    await runner.idle();
    expect(log).toEqual(['tts1', 'vad1', 'vad2', 'tts2', 'tts3']);
  });

  it('keeps going after a request that throws', async () => {
    const log: number[] = [];
    const runner = createTwoLaneRunner<number>(
      () => false,
      async (item) => {
        if (item === 1) throw new Error('broken');
        log.push(item);
      },
    );
    [1, 2, 3].forEach((item) => void runner.push(item));
    await runner.idle();
    expect(log).toEqual([2, 3]);
  });

  it('resolves each push once its request has run', async () => {
    const log: string[] = [];
    const runner = createTwoLaneRunner<string>(
      () => false,
      async (item) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.push(item);
      },
    );
    const first = runner.push('a');
    void runner.push('b');
    await first;
    expect(log).toEqual(['a']);
    await runner.idle();
    expect(log).toEqual(['a', 'b']);
  });
});
