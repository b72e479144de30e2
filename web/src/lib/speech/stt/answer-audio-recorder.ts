// The candidate's own recording of one take of a spoken answer: MediaRecorder on the microphone stream the answer
// already uses, compressed to Opus, handed over about every second and stored chunk by chunk (so a reload keeps
// what was said so far). Kept on this device only; nothing here sends anything anywhere.
import type { AnswerRecordingStore } from '../../storage/index.ts';

/** Opus in WebM (Chromium, Firefox), else Opus in Ogg, in the order tried; the browser's own choice after that. */
export const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'] as const;

/** Speech needs little: 32 kbit/s Opus is about an eighth of 16 kHz 16-bit PCM and sounds like the candidate. */
export const RECORDING_BITS_PER_SECOND = 32_000;

/** How often the recorder hands over a chunk, in milliseconds: at most this much is lost to a reload. */
export const CHUNK_MS = 1000;

/** The first type the browser can record, or '' to let it choose (pure over `isSupported`). */
export function pickRecordingType(isSupported: (type: string) => boolean): string {
  return RECORDING_TYPES.find((type) => isSupported(type)) ?? '';
}

/** The part of MediaRecorder used here (tests pass a fake). */
export interface RecorderLike {
  readonly mimeType: string;
  readonly state: 'inactive' | 'recording' | 'paused';
  ondataavailable: ((event: { data: Blob }) => void) | null;
  onstop: (() => void) | null;
  start(timeslice?: number): void;
  stop(): void;
  requestData(): void;
}

/** Makes a recorder on `stream` with the given options (default: the browser's MediaRecorder). */
export type RecorderFactory = (stream: MediaStream, options: MediaRecorderOptions) => RecorderLike;

/** Where one take's chunks go. */
export interface TakeKey {
  interviewId: string;
  questionId: string;
  /** When the take started, epoch ms (orders takes of one answer). */
  take: number;
}

/** A take being recorded. */
export interface AnswerAudioTake {
  /** Asks for what was recorded so far to be stored now (the page is closing). */
  flush(): void;
  /** Stops recording; resolves once every chunk is stored (or failed to be). */
  stop(): Promise<void>;
}

function browserRecorder(stream: MediaStream, options: MediaRecorderOptions): RecorderLike {
  return new MediaRecorder(stream, options) as unknown as RecorderLike;
}

function browserSupports(type: string): boolean {
  return typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type);
}

/**
 * Starts recording `stream` for one take; null where the browser cannot record (the answer goes on, with no
 * recording to play). Chunks are stored in order as they come.
 */
export function startAnswerAudio(
  stream: MediaStream,
  key: TakeKey,
  store: AnswerRecordingStore,
  create: RecorderFactory = browserRecorder,
  isSupported: (type: string) => boolean = browserSupports,
): AnswerAudioTake | null {
  const chosen = pickRecordingType(isSupported);
  let recorder: RecorderLike;
  try {
    // No MediaRecorder at all (an old browser) throws here too.
    recorder = create(stream, { ...(chosen ? { mimeType: chosen } : {}), audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  } catch {
    return null;
  }
  let index = 0;
  let writes: Promise<void> = Promise.resolve();
  let stopped: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (stopped = resolve));
  recorder.ondataavailable = ({ data }) => {
    if (data.size === 0) return;
    // Warning: the index is taken now, in the order the recorder hands chunks over, not when the bytes are read.
    const chunkIndex = index++;
    const mimeType = recorder.mimeType || data.type || chosen;
    // A failed write loses that chunk, not the answer: the chain goes on.
    writes = writes
      .then(async () => {
        const buffer = await data.arrayBuffer();
        await store.put({ ...key, index: chunkIndex, mimeType, data: buffer, bytes: buffer.byteLength });
      })
      .catch(() => undefined);
  };
  recorder.onstop = () => stopped();
  try {
    recorder.start(CHUNK_MS);
  } catch {
    return null;
  }
  return {
    flush() {
      if (recorder.state === 'recording') recorder.requestData();
    },
    async stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      else stopped();
      await ended;
      await writes;
    },
  };
}
