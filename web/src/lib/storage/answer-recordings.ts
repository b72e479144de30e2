// The candidate's own recordings of their spoken answers (store `answer-recordings`): compressed chunks (Opus) written
// as the recorder hands them over, so a reload keeps what was said so far; assembled into playable takes on demand.
// Kept on this device only; deleted with their interview.
import { openDatabase } from './database.ts';

/** One compressed chunk of one take of one answer (the key is interviewId + questionId + take + index). */
export interface AnswerRecordingChunk {
  interviewId: string;
  /** The question answered (its transcript id). */
  questionId: string;
  /** The take: when its recording started (epoch ms), so takes sort in the order spoken. */
  take: number;
  /** Order within the take; chunk 0 carries the container's header. */
  index: number;
  /** The recorder's MIME type, e.g. `audio/webm;codecs=opus`. */
  mimeType: string;
  data: ArrayBuffer;
  /** `data.byteLength`, kept beside it so the space recordings take is summed without reading any audio. */
  bytes: number;
}

/** One take, ready to play: its chunks in order under one MIME type. */
export interface AnswerTake {
  take: number;
  mimeType: string;
  parts: ArrayBuffer[];
  bytes: number;
}

/** What the recorder and the player need from storage; tests pass an in-memory one. */
export interface AnswerRecordingStore {
  put(chunk: AnswerRecordingChunk): Promise<void>;
  /** Every chunk of one answer (any order). */
  list(interviewId: string, questionId: string): Promise<AnswerRecordingChunk[]>;
}

const STORE = 'answer-recordings';

/** Groups chunks into takes in the order spoken, each take's chunks in order (pure). */
export function assembleTakes(chunks: readonly AnswerRecordingChunk[]): AnswerTake[] {
  const takes = new Map<number, AnswerRecordingChunk[]>();
  for (const chunk of chunks) {
    if (chunk.data.byteLength === 0) continue;
    const list = takes.get(chunk.take) ?? [];
    list.push(chunk);
    takes.set(chunk.take, list);
  }
  return [...takes.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([take, list]) => {
      list.sort((a, b) => a.index - b.index);
      // Warning: a take whose first chunk (the container's header) was lost cannot be decoded; it is left out.
      if (list[0]?.index !== 0) return [];
      return [{ take, mimeType: list[0].mimeType, parts: list.map((chunk) => chunk.data), bytes: totalBytes(list) }];
    });
}

/** The bytes the chunks take (pure; what "storage used" counts for recordings). */
export function totalBytes(chunks: readonly Pick<AnswerRecordingChunk, 'bytes'>[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
}

const listeners = new Set<(interviewId: string, questionId: string) => void>();

/** Calls `listener` whenever a chunk of an answer is stored (a play control may appear); answers a way to stop. */
export function onAnswerRecordingStored(listener: (interviewId: string, questionId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The IndexedDB store. */
export const indexedDbRecordingStore: AnswerRecordingStore = {
  async put(chunk) {
    await (await openDatabase()).put(STORE, chunk);
    for (const listener of listeners) listener(chunk.interviewId, chunk.questionId);
  },
  async list(interviewId, questionId) {
    const db = await openDatabase();
    return db.getAll(STORE, IDBKeyRange.bound([interviewId, questionId, -Infinity, -Infinity], [interviewId, questionId, Infinity, Infinity]));
  },
};

/** Whether an answer has a playable recording (its first chunk is stored), without reading the audio. */
export async function hasAnswerRecording(interviewId: string, questionId: string): Promise<boolean> {
  const db = await openDatabase();
  const keys = await db.getAllKeys(STORE, IDBKeyRange.bound([interviewId, questionId, -Infinity, -Infinity], [interviewId, questionId, Infinity, Infinity]));
  return keys.some((key) => key[3] === 0);
}

/** The takes of one answer, ready to play (none when it was typed or nothing was kept). */
export async function loadAnswerTakes(interviewId: string, questionId: string, store: AnswerRecordingStore = indexedDbRecordingStore): Promise<AnswerTake[]> {
  return assembleTakes(await store.list(interviewId, questionId));
}

/** Bytes all kept recordings take on this device. */
export async function answerRecordingsBytes(): Promise<number> {
  const db = await openDatabase();
  let bytes = 0;
  // A key cursor on the `bytes` index: each chunk's size is its key, so no audio is read.
  let cursor = await db.transaction(STORE).store.index('bytes').openKeyCursor();
  while (cursor) {
    bytes += cursor.key;
    cursor = await cursor.continue();
  }
  return bytes;
}

/** An in-memory store, for tests. */
export function memoryRecordingStore(): AnswerRecordingStore & { chunks: AnswerRecordingChunk[] } {
  const chunks: AnswerRecordingChunk[] = [];
  return {
    chunks,
    async put(chunk) {
      const at = chunks.findIndex((c) => c.interviewId === chunk.interviewId && c.questionId === chunk.questionId && c.take === chunk.take && c.index === chunk.index);
      if (at >= 0) chunks.splice(at, 1);
      chunks.push(chunk);
    },
    async list(interviewId, questionId) {
      return chunks.filter((c) => c.interviewId === interviewId && c.questionId === questionId);
    },
  };
}
