// One worker for the interviewer's voice and the candidate's: started by whichever asks first, a Kokoro reload or
// dispose leaves the voice-activity model alone, and a crash tells both clients, which load again in a fresh worker.
import { describe, expect, it } from 'vitest';
import { VadClient } from './stt/vad.client.ts';
import { VadReply, type VadFromWorker, type VadToWorker } from './stt/vad.protocol.ts';
import { TtsReply, type TtsFromWorker, type TtsToWorker } from './tts/kokoro.protocol.ts';
import { TtsClient } from './tts/tts.client.ts';
import { fakeWorkers } from './worker/fakes.ts';
import { SpeechWorker } from './worker/speech.client.ts';

const OPTIONS = { device: 'wasm', source: 'this-server', origin: 'http://127.0.0.1:8787' } as const;
const INFO = { device: 'wasm', dtype: 'q8', threads: 1 } as const;

function answer(message: TtsToWorker | VadToWorker): (TtsFromWorker | VadFromWorker)[] {
  switch (message.type) {
    case 'load':
      return [{ type: TtsReply.loaded, id: message.id, info: INFO }];
    case 'synthesize':
      return [{ type: TtsReply.synthesized, id: message.id, audio: new Float32Array(3), sampleRate: 24_000, synthesisMs: 1 }];
    case 'vad-load':
      return [{ type: VadReply.loaded, id: message.id }];
    case 'vad-frame':
      return [{ type: VadReply.probability, id: message.id, probability: 0.75 }];
    default:
      return [];
  }
}

function page() {
  const { start, started } = fakeWorkers(answer);
  const worker = new SpeechWorker({ start });
  return { worker, started, tts: new TtsClient({ worker }), vad: new VadClient(worker, OPTIONS.origin) };
}

const frame = () => new Float32Array(512);

describe('the shared speech worker', () => {
  it('starts nothing until asked, then one worker serves both models', async () => {
    const { started, tts, vad } = page();
    expect(started).toHaveLength(0);
    expect(await vad.probability(frame())).toBe(0.75);
    await tts.load(OPTIONS);
    await tts.synthesize('Hi.', 'af_bella', 1);
    expect(started).toHaveLength(1);
    expect(started[0]!.types()).toEqual(['vad-load', 'vad-frame', 'load', 'synthesize']);
  });

  it('a Kokoro reload and dispose leave the voice-activity model and the worker alone', async () => {
    const { worker, started, tts } = page();
    await tts.load(OPTIONS);
    const vad = new VadClient(worker, OPTIONS.origin);
    await vad.load();
    await tts.load({ ...OPTIONS, device: 'webgpu' });
    tts.dispose();
    new TtsClient({ worker }).dispose();
    expect(await vad.probability(frame())).toBe(0.75);
    expect(started).toHaveLength(1);
    expect(started[0]!.terminated).toBe(false);
    expect(started[0]!.types()).toEqual(['load', 'vad-load', 'load', 'unload', 'vad-frame']);
  });

  it('after a crash both clients load again in a fresh worker', async () => {
    const { started, tts, vad } = page();
    await tts.load(OPTIONS);
    await vad.load();
    started[0]!.emit('error', { message: 'out of memory' });
    expect(started[0]!.terminated).toBe(true);
    expect(tts.info).toBeNull();
    expect(await vad.probability(frame())).toBe(0.75);
    expect(await tts.load(OPTIONS)).toEqual(INFO);
    expect(started).toHaveLength(2);
    expect(started[1]!.types()).toEqual(['vad-load', 'vad-frame', 'load']);
  });

  it('terminate stops the worker and fails what is pending', async () => {
    const { start, started } = fakeWorkers(() => []);
    const worker = new SpeechWorker({ start });
    const pending = new VadClient(worker, OPTIONS.origin).load();
    worker.terminate();
    await expect(pending).rejects.toThrow('The voice engine was stopped.');
    expect(started[0]!.terminated).toBe(true);
  });
});
