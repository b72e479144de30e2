// The voice-activity client against a fake speech worker: the model loaded once from the page's origin, frames
// copied and transferred and answered in order, failures as VadWorkerError, and the loudness fallback.
import { describe, expect, it, vi } from 'vitest';
import { fakeWorkers } from '../worker/fakes.ts';
import { SpeechWorker } from '../worker/speech.client.ts';
import { VadReply, type VadFromWorker as FromWorker, type VadToWorker as ToWorker } from './vad.protocol.ts';
import { loadSpeechDetector, VadClient, VadWorkerError } from './vad.client.ts';

const ORIGIN = 'http://127.0.0.1:8787';

/** Answers like the worker: the probability is the frame's first sample. */
function healthy(message: ToWorker): FromWorker[] {
  switch (message.type) {
    case 'vad-load':
      return [{ type: VadReply.loaded, id: message.id }];
    case 'vad-frame':
      return [{ type: VadReply.probability, id: message.id, probability: message.frame[0] ?? NaN }];
    default:
      return [];
  }
}

function clientWith(answer: (message: ToWorker) => FromWorker[] = healthy) {
  const { start, started } = fakeWorkers(answer);
  return { client: new VadClient(new SpeechWorker({ start }), ORIGIN), started };
}

const frameOf = (value: number) => new Float32Array(512).fill(value);

describe('VadClient', () => {
  it('loads the model from the origin once, then answers frames in order', async () => {
    const { client, started } = clientWith();
    const answers = await Promise.all([0.1, 0.9, 0.5].map((value) => client.probability(frameOf(value))));
    expect(answers.map((p) => p.toFixed(1))).toEqual(['0.1', '0.9', '0.5']);
    expect(started).toHaveLength(1);
    expect(started[0]!.types()).toEqual(['vad-load', 'vad-frame', 'vad-frame', 'vad-frame']);
    expect(started[0]!.received[0]!.message).toMatchObject({ origin: ORIGIN });
  });

  it('transfers a copy of each frame, so the caller keeps its samples', async () => {
    const { client, started } = clientWith();
    const frame = frameOf(0.25);
    await client.probability(frame);
    expect(frame.length).toBe(512);
    const sent = started[0]!.received[1]!;
    expect(sent.transfer).toHaveLength(1);
    expect(sent.message.type === 'vad-frame' && sent.transfer[0] === sent.message.frame.buffer).toBe(true);
  });

  it('refuses frames of the wrong size without asking the worker', async () => {
    const { client, started } = clientWith();
    await expect(client.probability(new Float32Array(480))).rejects.toThrow(RangeError);
    expect(started).toHaveLength(0);
  });

  it('sends reset to the worker with no reply awaited', async () => {
    const { client, started } = clientWith();
    await client.load();
    client.reset();
    expect(started[0]!.types()).toEqual(['vad-load', 'vad-reset']);
  });

  it('turns failed replies into VadWorkerError and loads again after a failed load', async () => {
    let loads = 0;
    const { client } = clientWith((message) => {
      if (message.type === 'vad-load' && ++loads === 1) return [{ type: VadReply.failed, id: message.id, message: 'the voice activity model answered 404' }];
      if (message.type === 'vad-frame') return [{ type: VadReply.failed, id: message.id, message: 'run failed' }];
      return healthy(message);
    });
    await expect(client.load()).rejects.toThrow(new VadWorkerError('the voice activity model answered 404'));
    await expect(client.probability(frameOf(0))).rejects.toThrow('run failed');
    expect(loads).toBe(2);
  });

  it('says clearly when the worker cannot start', async () => {
    const client = new VadClient(
      new SpeechWorker({
        start: () => {
          throw new Error('Worker scripts are blocked');
        },
      }),
      ORIGIN,
    );
    await expect(client.load()).rejects.toThrow('The voice engine could not start: Worker scripts are blocked');
  });
});

describe('loadSpeechDetector', () => {
  it('falls back to the loudness detector when the model does not load, and loads once per page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { start, started } = fakeWorkers((message) => [{ type: VadReply.failed, id: message.id, message: 'no WASM' }]);
    const worker = new SpeechWorker({ start });
    const detector = await loadSpeechDetector(ORIGIN, worker);
    expect(detector.engine).toBe('energy');
    expect(await loadSpeechDetector(ORIGIN, worker)).toBe(detector);
    expect(started[0]!.types()).toEqual(['vad-load']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
