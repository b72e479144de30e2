// The answer's audio segments in IndexedDB (store `answer-audio`), kept until their text has landed in the answer,
// so a reload or a dropped network loses nothing the candidate said. The recorder sees only SegmentStore.
import { openDatabase } from './database.ts';

/** Where a stored segment stands: still being spoken, waiting for its text, or transcribed. */
export type StoredSegmentState = 'open' | 'pending' | 'done';

/** One segment of one answer (the key is interviewId + questionId + index). */
export interface StoredSegment {
  interviewId: string;
  /** The question answered (its transcript id). */
  questionId: string;
  /** Order within the answer. */
  index: number;
  /** The name its transcription is sent under, so a retry after a reload resumes the same job (older records lack it). */
  clipId?: string;
  state: StoredSegmentState;
  /** 16 kHz mono 16-bit samples; null once the text has arrived. */
  pcm: ArrayBuffer | null;
  /** Seconds of audio in `pcm` (kept after it is dropped). */
  seconds: number;
  /** Seconds of speech in it, for the answer's upload budget. */
  voicedSeconds: number;
  /** The transcript, once it arrived. */
  text: string | null;
  updatedAt: number;
}

/** What the recorder needs from storage; tests pass an in-memory one. */
export interface SegmentStore {
  put(segment: StoredSegment): Promise<void>;
  remove(interviewId: string, questionId: string, index: number): Promise<void>;
  /** The segments of one answer, by index. */
  list(interviewId: string, questionId: string): Promise<StoredSegment[]>;
  /** Drops the segments of the interview's other questions (answers already sent). */
  removeOthers(interviewId: string, questionId: string): Promise<void>;
}

const STORE = 'answer-audio';

/** The IndexedDB store. */
export const indexedDbSegmentStore: SegmentStore = {
  async put(segment) {
    await (await openDatabase()).put(STORE, segment);
  },
  async remove(interviewId, questionId, index) {
    await (await openDatabase()).delete(STORE, [interviewId, questionId, index]);
  },
  async list(interviewId, questionId) {
    const db = await openDatabase();
    return db.getAll(STORE, IDBKeyRange.bound([interviewId, questionId, -Infinity], [interviewId, questionId, Infinity]));
  },
  async removeOthers(interviewId, questionId) {
    const db = await openDatabase();
    const transaction = db.transaction(STORE, 'readwrite');
    let cursor = await transaction.store.index('interviewId').openCursor(interviewId);
    while (cursor) {
      if (cursor.value.questionId !== questionId) await cursor.delete();
      cursor = await cursor.continue();
    }
    await transaction.done;
  },
};

/** An in-memory SegmentStore, for tests. */
export function memorySegmentStore(): SegmentStore & { records: Map<string, StoredSegment> } {
  const records = new Map<string, StoredSegment>();
  const key = (interviewId: string, questionId: string, index: number) => JSON.stringify([interviewId, questionId, index]);
  return {
    records,
    async put(segment) {
      records.set(key(segment.interviewId, segment.questionId, segment.index), structuredClone(segment));
    },
    async remove(interviewId, questionId, index) {
      records.delete(key(interviewId, questionId, index));
    },
    async list(interviewId, questionId) {
      return [...records.values()].filter((r) => r.interviewId === interviewId && r.questionId === questionId).sort((a, b) => a.index - b.index).map((r) => structuredClone(r));
    },
    async removeOthers(interviewId, questionId) {
      for (const [k, r] of records) if (r.interviewId === interviewId && r.questionId !== questionId) records.delete(k);
    },
  };
}
