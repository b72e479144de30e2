// The answer's own recording: Opus in WebM, else Ogg, else the browser's choice; chunks stored in the order handed
// over with the recorder's type; stop() waits for the last chunk; a browser that cannot record keeps nothing.
import { describe, expect, it } from 'vitest';
import { memoryRecordingStore } from '../../storage/index.ts';
import { CHUNK_MS, pickRecordingType, RECORDING_BITS_PER_SECOND, startAnswerAudio, type RecorderLike } from './answer-audio-recorder.ts';

class FakeRecorder implements RecorderLike {
  mimeType = '';
  state: RecorderLike['state'] = 'inactive';
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  timeslice: number | undefined;
  constructor(readonly options: MediaRecorderOptions) {
    this.mimeType = options.mimeType ?? 'audio/webm;codecs=opus';
  }
  start(timeslice?: number): void {
    this.timeslice = timeslice;
    this.state = 'recording';
  }
  /** The browser hands over a chunk. */
  emit(bytes: number[]): void {
    this.ondataavailable?.({ data: new Blob([new Uint8Array(bytes)], { type: this.mimeType }) });
  }
  requestData(): void {
    this.emit([0xf0]);
  }
  stop(): void {
    this.state = 'inactive';
    // As the browser does: the last chunk, then stop, a little later.
    setTimeout(() => {
      this.emit([0xff, 0xfe]);
      this.onstop?.();
    }, 5);
  }
}

const stream = {} as MediaStream;
const key = { interviewId: 'i1', questionId: 'q1', take: 1_000 };

describe('pickRecordingType', () => {
  it('prefers Opus in WebM, then Opus in Ogg, then whatever the browser records', () => {
    expect(pickRecordingType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickRecordingType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingType(() => false)).toBe('');
  });
});

describe('startAnswerAudio', () => {
  it('stores every chunk in order with its type, and stop() resolves once the last one is stored', async () => {
    const store = memoryRecordingStore();
    let recorder: FakeRecorder | undefined;
    const take = startAnswerAudio(stream, key, store, (_stream, options) => (recorder = new FakeRecorder(options)), (type) => type.startsWith('audio/ogg'));
    expect(take).not.toBeNull();
    expect(recorder?.options).toEqual({ mimeType: 'audio/ogg;codecs=opus', audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
    expect(recorder?.timeslice).toBe(CHUNK_MS);
    recorder?.emit([1, 2]);
    recorder?.emit([]);
    take?.flush();
    await take?.stop();
    expect(store.chunks.map((chunk) => [chunk.index, [...new Uint8Array(chunk.data)], chunk.bytes, chunk.mimeType])).toEqual([
      [0, [1, 2], 2, 'audio/ogg;codecs=opus'],
      [1, [0xf0], 1, 'audio/ogg;codecs=opus'],
      [2, [0xff, 0xfe], 2, 'audio/ogg;codecs=opus'],
    ]);
    expect(store.chunks.every((chunk) => chunk.interviewId === 'i1' && chunk.questionId === 'q1' && chunk.take === 1_000)).toBe(true);
  });

  it('goes on storing the chunks after one write fails', async () => {
    const store = memoryRecordingStore();
    const put = store.put.bind(store);
    let calls = 0;
    store.put = async (chunk) => {
      if (calls++ === 0) throw new DOMException('full', 'QuotaExceededError');
      await put(chunk);
    };
    let recorder: FakeRecorder | undefined;
    const take = startAnswerAudio(stream, key, store, (_stream, options) => (recorder = new FakeRecorder(options)), () => true);
    recorder?.emit([1]);
    await take?.stop();
    expect(store.chunks.map((chunk) => chunk.index)).toEqual([1]);
  });

  it('keeps nothing where the browser cannot record', () => {
    const store = memoryRecordingStore();
    const take = startAnswerAudio(stream, key, store, () => {
      throw new DOMException('no recorder', 'NotSupportedError');
    });
    expect(take).toBeNull();
    expect(store.chunks).toEqual([]);
  });
});
