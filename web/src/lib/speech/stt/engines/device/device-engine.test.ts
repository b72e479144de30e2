// The device engine against a fake speech worker: the model loaded once from the chosen source, progress as a
// percentage, clips sent as 16 kHz floats, a model that cannot load reported (not retried) with words for the candidate.
import { describe, expect, it } from 'vitest';
import { fakeWorkers } from '../../../worker/fakes.ts';
import { SpeechWorker } from '../../../worker/speech.client.ts';
import { downloadProgress } from '../../../models/index.ts';
import { SttReply, type SttFromWorker as FromWorker, type SttToWorker as ToWorker } from './recognizer.protocol.ts';
import type { ModelStatus } from '../../engine.ts';
import { RECOGNIZER_DEVICE_KEY, RememberedDevices } from './backend.ts';
import { DeviceEngine, type DeviceEngineDeps } from './device-engine.svelte.ts';

const ORIGIN = 'http://127.0.0.1:8787';
const clip = (pcm: number[]) => ({ pcm: Int16Array.from(pcm), language: 'en', prompt: '', clipId: 'clip-0001-abcd' });

function engineWith(answer: (message: ToWorker) => FromWorker[], deps: Partial<DeviceEngineDeps> = {}) {
  const { start, started } = fakeWorkers(answer);
  const engine = new DeviceEngine({ worker: new SpeechWorker({ start }), origin: ORIGIN, source: () => 'this-server', ...deps });
  return { engine, started };
}

function healthy(message: ToWorker): FromWorker[] {
  switch (message.type) {
    case 'stt-load':
      return [
        downloadProgress(message.id, [{ file: 'onnx/encoder_model.onnx', loaded: 25, total: 100 }]),
        { type: SttReply.loaded, id: message.id, device: 'wasm' },
      ];
    case 'stt-transcribe':
      return [{ type: SttReply.transcribed, id: message.id, text: `heard ${message.samples.length} samples, first ${message.samples[0]}${message.language === 'en' ? '' : ` in ${message.language}`}`, modelMs: 3 }];
    default:
      return [];
  }
}

describe('DeviceEngine', () => {
  it('loads Moonshine base once from the chosen source, then sends each clip as floats', async () => {
    const { engine, started } = engineWith(healthy);
    expect(engine.status).toEqual({ kind: 'idle' });
    engine.prepare();
    expect(engine.status).toEqual({ kind: 'loading', fraction: null });
    expect(await engine.transcribe(clip([16384, 0]), new AbortController().signal)).toBe('heard 2 samples, first 0.5');
    expect(await engine.transcribe(clip([0]), new AbortController().signal)).toBe('heard 1 samples, first 0');
    expect(engine.status).toEqual({ kind: 'ready', runsOn: 'processor' });
    expect(started[0]?.types()).toEqual(['stt-load', 'stt-transcribe', 'stt-transcribe']);
    expect(started[0]?.received[0]?.message).toMatchObject({ modelId: 'onnx-community/moonshine-base-ONNX', source: 'this-server', origin: ORIGIN, device: 'auto' });
  });

  it('shows the download as a fraction while it runs', async () => {
    const seen: ModelStatus[] = [];
    const { engine } = engineWith((message) => {
      const replies = healthy(message);
      return message.type === 'stt-load' ? replies.slice(0, 1) : replies;
    });
    engine.prepare();
    await new Promise((resolve) => setTimeout(resolve, 0));
    seen.push(engine.status);
    expect(seen).toEqual([{ kind: 'loading', fraction: 0.25 }]);
  });

  it('reports a model that cannot load, in plain words, and does not retry it', async () => {
    const { engine } = engineWith((message) => (message.type === 'stt-load' ? [{ type: SttReply.failed, id: message.id, message: 'could not fetch encoder_model.onnx (500)' }] : []));
    const error = await engine.transcribe(clip([1]), new AbortController().signal).catch((caught: unknown) => caught);
    expect(engine.status).toEqual({ kind: 'failed', message: 'could not fetch encoder_model.onnx (500)' });
    expect(engine.isRetryable(error)).toBe(false);
    expect(engine.describeError(error)).toMatch(/speech recognition model on this device failed \(could not fetch encoder_model\.onnx \(500\)\)\. Type this part/);
  });

  it('"Not now" to the download loads nothing, stays idle and asks again on the next clip', async () => {
    const answers = [false, false, true];
    const asked: { modelId: string; bytes: number; files: readonly string[] }[] = [];
    const { engine, started } = engineWith(healthy, { confirmDownload: async (download) => (asked.push(download), answers.shift() ?? true) });
    expect(await engine.confirmDownload()).toBe(false);
    const declined = await engine.transcribe(clip([1]), new AbortController().signal).catch((caught: unknown) => caught);
    expect(declined).toBeInstanceOf(Error);
    expect(engine.isRetryable(declined)).toBe(false);
    expect(engine.status).toEqual({ kind: 'idle' });
    expect(started).toEqual([]);
    expect(await engine.transcribe(clip([0]), new AbortController().signal)).toBe('heard 1 samples, first 0');
    expect(asked).toHaveLength(3);
    expect(asked[0]).toEqual({ modelId: 'onnx-community/moonshine-base-ONNX', label: 'Moonshine base', bytes: 120_000_000, files: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_quantized.onnx'] });
    // Ready: never asked again.
    expect(await engine.confirmDownload()).toBe(true);
    expect(asked).toHaveLength(3);
  });

  it('uses Whisper base for an answer in another language, passing the language, and Moonshine again for English', async () => {
    let language: string | null = 'de';
    const asked: { modelId: string; label: string; bytes: number }[] = [];
    const { engine, started } = engineWith(healthy, { language: () => language, confirmDownload: async (download) => (asked.push(download), true) });
    expect([engine.label, engine.downloadBytes]).toEqual(['Whisper base', 77_000_000]);
    expect(await engine.confirmDownload()).toBe(true);
    expect(await engine.transcribe({ ...clip([0]), language: 'de' }, new AbortController().signal)).toBe('heard 1 samples, first 0 in de');
    expect(await engine.transcribe({ ...clip([0]), language: 'de' }, new AbortController().signal)).toBe('heard 1 samples, first 0 in de');
    language = 'en';
    expect([engine.label, engine.downloadBytes]).toEqual(['Moonshine base', 120_000_000]);
    expect(await engine.transcribe(clip([0]), new AbortController().signal)).toBe('heard 1 samples, first 0');
    const loads = started[0]?.received.map(({ message }) => message).filter((message) => message.type === 'stt-load');
    expect(loads?.map((message) => message.modelId)).toEqual(['onnx-community/whisper-base', 'onnx-community/moonshine-base-ONNX']);
    expect(asked.map(({ label, bytes }) => [label, bytes])).toEqual([
      ['Whisper base', 77_000_000],
      ['Whisper base', 77_000_000],
      ['Moonshine base', 120_000_000],
    ]);
  });

  it('remembers the backend the worker chose per model, asks for it on the next page, and says where the model runs', async () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    const onGraphicsCard = (message: ToWorker): FromWorker[] =>
      message.type === 'stt-load' ? [{ type: SttReply.loaded, id: message.id, device: 'webgpu' }] : healthy(message);
    const first = engineWith(onGraphicsCard, { devices: new RememberedDevices(storage) });
    await first.engine.load();
    expect(first.engine.status).toEqual({ kind: 'ready', runsOn: 'graphics card' });
    expect(first.started[0]?.received[0]?.message).toMatchObject({ type: 'stt-load', device: 'auto' });
    expect(JSON.parse(stored.get(RECOGNIZER_DEVICE_KEY)!)).toEqual({ 'onnx-community/moonshine-base-ONNX': 'webgpu' });
    const next = engineWith(onGraphicsCard, { devices: new RememberedDevices(storage) });
    await next.engine.load();
    expect(next.started[0]?.received[0]?.message).toMatchObject({ type: 'stt-load', device: 'webgpu' });
    const german = engineWith(healthy, { devices: new RememberedDevices(storage), language: () => 'de' });
    await german.engine.load();
    expect(german.started[0]?.received[0]?.message).toMatchObject({ modelId: 'onnx-community/whisper-base', device: 'auto' });
    expect(JSON.parse(stored.get(RECOGNIZER_DEVICE_KEY)!)).toEqual({ 'onnx-community/moonshine-base-ONNX': 'webgpu', 'onnx-community/whisper-base': 'wasm' });
  });

  it('asks the browser to keep storage once the model is stored, and only once', async () => {
    let persisted = 0;
    const { engine } = engineWith(healthy, { persistStorage: async () => (persisted += 1) });
    engine.prepare();
    expect(persisted).toBe(0);
    await engine.transcribe(clip([1]), new AbortController().signal);
    await engine.transcribe(clip([1]), new AbortController().signal);
    expect(persisted).toBe(1);
  });
});
