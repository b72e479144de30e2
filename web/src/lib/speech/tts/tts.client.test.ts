// The Kokoro client against a fake speech worker: loads shared or replaced in the same worker, progress forwarded,
// replies in order, samples transferred, and every failure a TtsEngineError with a code.
import { describe, expect, it } from 'vitest';
import { fakeWorkers, FakeSpeechWorker } from '../worker/fakes.ts';
import { SpeechWorker } from '../worker/speech.client.ts';
import { TtsReply, type TtsFromWorker as FromWorker, type TtsToWorker as ToWorker } from './kokoro.protocol.ts';
import { requestPersistentStorage, TtsClient, TtsEngineError } from './tts.client.ts';
import type { FileProgress } from '../models/index.ts';
import type { TtsLoadOptions } from './types.ts';

const OPTIONS: TtsLoadOptions = { device: 'wasm', source: 'this-server', origin: 'http://127.0.0.1:8787' };
const INFO = { device: 'wasm', dtype: 'q8', threads: 2 } as const;

function healthy(message: ToWorker): FromWorker[] {
  switch (message.type) {
    case 'load':
      return [
        { type: TtsReply.progress, id: message.id, files: [{ file: 'config.json', loaded: 0, total: 44 }] },
        { type: TtsReply.progress, id: message.id, files: [{ file: 'config.json', loaded: 44, total: 44 }] },
        { type: TtsReply.loaded, id: message.id, info: INFO },
      ];
    case 'synthesize':
      return [{ type: TtsReply.synthesized, id: message.id, audio: new Float32Array(message.text.length), sampleRate: 24_000, synthesisMs: 3 }];
    default:
      return [];
  }
}

function clientWith(answer: (message: ToWorker) => FromWorker[] = healthy) {
  const { start, started } = fakeWorkers(answer);
  const client = new TtsClient({ worker: new SpeechWorker({ start }) });
  return { client, started };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TtsEngineError);
  return (error as TtsEngineError).code;
}

describe('TtsClient', () => {
  it('loads in a worker, forwards progress and reports the backend', async () => {
    const { client, started } = clientWith();
    const seen: (readonly FileProgress[])[] = [];
    expect(await client.load(OPTIONS, (files) => seen.push(files))).toEqual(INFO);
    expect(client.info).toEqual(INFO);
    expect(seen).toEqual([[{ file: 'config.json', loaded: 0, total: 44 }], [{ file: 'config.json', loaded: 44, total: 44 }]]);
    expect(started).toHaveLength(1);
    expect(started[0]!.received[0]!.message).toMatchObject({ type: 'load', options: OPTIONS, threads: null });
  });

  it('passes a fixed thread count to the worker', async () => {
    const worker = new FakeSpeechWorker(healthy);
    await new TtsClient({ worker: new SpeechWorker({ start: () => worker }), threads: 2 }).load(OPTIONS);
    expect(worker.received[0]!.message).toMatchObject({ threads: 2 });
  });

  it('shares one load between calls with the same options', async () => {
    const { client, started } = clientWith();
    const [first, second] = await Promise.all([client.load(OPTIONS), client.load({ ...OPTIONS })]);
    expect(first).toBe(second);
    expect(started).toHaveLength(1);
    expect(started[0]!.received).toHaveLength(1);
  });

  it('replaces the model in the same worker for other options, failing what the old load still owed', async () => {
    const { client, started } = clientWith((message) => (message.type === 'load' ? healthy(message) : []));
    await client.load(OPTIONS);
    const owed = client.synthesize('Hi.', 'af_bella', 1);
    await client.load({ ...OPTIONS, device: 'webgpu' });
    expect(await codeOf(owed)).toBe('worker-failed');
    expect(started).toHaveLength(1);
    expect(started[0]!.terminated).toBe(false);
    expect(started[0]!.types()).toEqual(['load', 'synthesize', 'load']);
  });

  it('answers synthesis in call order with the worker samples', async () => {
    const { client } = clientWith();
    void client.load(OPTIONS);
    const pieces = await Promise.all(['a', 'bbb', 'cc'].map((text) => client.synthesize(text, 'af_bella', 1)));
    expect(pieces.map((piece) => piece.audio.length)).toEqual([1, 3, 2]);
    expect(pieces[0]).toMatchObject({ sampleRate: 24_000, synthesisMs: 3 });
    expect(pieces[0]).not.toHaveProperty('onnxMs');
  });

  it('passes the ONNX run time on when the worker measures it', async () => {
    const { client } = clientWith((message) => (message.type === 'load' ? healthy(message) : [{ type: TtsReply.synthesized, id: message.id, audio: new Float32Array(2), sampleRate: 24_000, synthesisMs: 3, onnxMs: 1.5 }]));
    void client.load(OPTIONS);
    expect(await client.synthesize('Hi.', 'af_bella', 1)).toMatchObject({ synthesisMs: 3, onnxMs: 1.5 });
  });

  it('refuses to speak before any load', async () => {
    const { client, started } = clientWith();
    expect(await codeOf(client.synthesize('Hi.', 'af_bella', 1))).toBe('not-loaded');
    expect(started).toHaveLength(0);
  });

  it('a failed load rejects with its reason, fails the calls queued behind it, and the next load starts clean', async () => {
    let loads = 0;
    const { client, started } = clientWith((message) => {
      if (message.type === 'load' && ++loads === 1) return [{ type: TtsReply.failed, id: message.id, code: 'load-failed', message: 'config.json 404' }];
      return message.type === 'load' ? healthy(message) : [];
    });
    const load = client.load(OPTIONS);
    const queued = client.synthesize('Hi.', 'af_bella', 1);
    await expect(load).rejects.toThrow('The voice model did not load: config.json 404');
    expect(await codeOf(queued)).toBe('load-failed');
    expect(started[0]!.terminated).toBe(false);
    expect(client.info).toBeNull();
    expect(await client.load(OPTIONS)).toEqual(INFO);
    expect(started).toHaveLength(1);
  });

  it('turns a synthesis failure into a synthesis-failed error and keeps the engine', async () => {
    const { client, started } = clientWith((message) =>
      message.type === 'synthesize' && message.voice === 'ef_dora'
        ? [{ type: TtsReply.failed, id: message.id, code: 'synthesis-failed', message: 'Unknown voice "ef_dora".' }]
        : healthy(message),
    );
    await client.load(OPTIONS);
    const failed = client.synthesize('Hola.', 'ef_dora', 1);
    await expect(failed).rejects.toThrow('The voice could not speak this text: Unknown voice "ef_dora".');
    expect(await codeOf(failed)).toBe('synthesis-failed');
    expect((await client.synthesize('Hi.', 'af_bella', 1)).audio.length).toBe(3);
    expect(started).toHaveLength(1);
  });

  it('says clearly when the worker cannot start', async () => {
    const client = new TtsClient({
      worker: new SpeechWorker({
        start: () => {
          throw new Error('Worker scripts are blocked');
        },
      }),
    });
    const load = client.load(OPTIONS);
    await expect(load).rejects.toThrow('The voice engine could not start: Worker scripts are blocked');
    expect(await codeOf(load)).toBe('worker-failed');
  });

  it('fails everything pending when the worker script errors (404, CSP, crash), and loads again in a fresh worker', async () => {
    let answering = false;
    const { client, started } = clientWith((message) => (answering ? healthy(message) : []));
    const load = client.load(OPTIONS);
    const speak = client.synthesize('Hi.', 'af_bella', 1);
    started[0]!.emit('error', { message: '' });
    await expect(load).rejects.toThrow(/could not start or stopped: no details/);
    expect(await codeOf(speak)).toBe('worker-failed');
    expect(started[0]!.terminated).toBe(true);
    answering = true;
    expect(await client.load(OPTIONS)).toEqual(INFO);
    expect(started).toHaveLength(2);
  });

  it('fails pending calls on dispose, frees the model but keeps the worker, and can load again afterwards', async () => {
    let answering = false;
    const { client, started } = clientWith((message) => (answering ? healthy(message) : []));
    const load = client.load(OPTIONS);
    client.dispose();
    await expect(load).rejects.toThrow('The voice engine was stopped.');
    expect(started[0]!.terminated).toBe(false);
    expect(started[0]!.types()).toEqual(['load', 'unload']);
    expect(client.info).toBeNull();
    answering = true;
    expect(await client.load(OPTIONS)).toEqual(INFO);
    expect(started).toHaveLength(1);
  });

  it('sends nothing on dispose when nothing was loaded', () => {
    const { client, started } = clientWith();
    client.dispose();
    expect(started).toHaveLength(0);
  });

  it('ignores replies to requests it no longer waits for', async () => {
    const { client, started } = clientWith();
    await client.load(OPTIONS);
    started[0]!.emit('message', { data: { type: TtsReply.synthesized, id: 999, audio: new Float32Array(1), sampleRate: 24_000, synthesisMs: 1 } });
    started[0]!.emit('message', { data: { type: TtsReply.progress, id: 999, files: [] } });
    expect((await client.synthesize('ab', 'af_bella', 1)).audio.length).toBe(2);
  });
});

describe('requestPersistentStorage', () => {
  it.each([
    ['no StorageManager', undefined, false],
    ['already persisted', { persisted: async () => true, persist: async () => false }, true],
    ['granted', { persisted: async () => false, persist: async () => true }, true],
    ['refused', { persisted: async () => false, persist: async () => false }, false],
    [
      'throws',
      {
        persisted: async () => {
          throw new Error('no');
        },
        persist: async () => true,
      },
      false,
    ],
  ] as [string, Pick<StorageManager, 'persist' | 'persisted'> | undefined, boolean][])('%s → %s', async (_, storage, expected) => {
    expect(await requestPersistentStorage(storage)).toBe(expected);
  });
});
