// The candidate's recordings: chunks assembled into takes in the order spoken, the space they take counted without
// reading audio, and deleted with their interview (and by "Delete all"), never another interview's.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerRecordingsBytes, assembleTakes, hasAnswerRecording, indexedDbRecordingStore, loadAnswerTakes, onAnswerRecordingStored, totalBytes, type AnswerRecordingChunk } from './answer-recordings.ts';
import { deleteAllInterviews, deleteInterview, saveInterview } from './interviews.ts';

function chunk(take: number, index: number, bytes: number[], interviewId = 'i1', questionId = 'q1'): AnswerRecordingChunk {
  const data = new Uint8Array(bytes).buffer;
  return { interviewId, questionId, take, index, mimeType: 'audio/webm;codecs=opus', data, bytes: data.byteLength };
}

function bytesOf(parts: ArrayBuffer[]): number[] {
  return parts.flatMap((part) => [...new Uint8Array(part)]);
}

describe('assembleTakes', () => {
  it('puts each take\'s chunks in order and the takes in the order spoken', () => {
    const takes = assembleTakes([chunk(200, 1, [4]), chunk(100, 1, [2]), chunk(200, 0, [3]), chunk(100, 0, [1]), chunk(100, 2, [9, 9])]);
    expect(takes.map((take) => take.take)).toEqual([100, 200]);
    expect(takes.map((take) => bytesOf(take.parts))).toEqual([[1, 2, 9, 9], [3, 4]]);
    expect(takes.map((take) => take.bytes)).toEqual([4, 2]);
    expect(takes[0]?.mimeType).toBe('audio/webm;codecs=opus');
  });

  it('keeps what was saved of a take cut short, leaves out empty chunks and a take whose header chunk is missing', () => {
    const takes = assembleTakes([chunk(100, 0, [1]), chunk(100, 1, []), chunk(100, 2, [3]), chunk(200, 1, [7])]);
    expect(takes.map((take) => bytesOf(take.parts))).toEqual([[1, 3]]);
  });

  it('answers no take for an answer with no audio', () => {
    expect(assembleTakes([])).toEqual([]);
  });
});

describe('stored recordings', () => {
  beforeEach(async () => {
    await deleteAllInterviews();
  });

  it('counts the bytes of every kept recording, and deletes them with their interview only', async () => {
    await saveInterview({ id: 'i1', createdAt: 1, updatedAt: 1, snapshot: null, concluded: false });
    await saveInterview({ id: 'i2', createdAt: 2, updatedAt: 2, snapshot: null, concluded: false });
    const stored: string[] = [];
    const stop = onAnswerRecordingStored((interviewId, questionId) => stored.push(`${interviewId}/${questionId}`));
    const chunks = [chunk(100, 0, [1, 2, 3]), chunk(100, 1, [4, 5]), chunk(300, 0, [6], 'i1', 'q2'), chunk(100, 0, [7, 8, 9, 10], 'i2')];
    for (const c of chunks) await indexedDbRecordingStore.put(c);
    stop();
    expect(stored).toEqual(['i1/q1', 'i1/q1', 'i1/q2', 'i2/q1']);

    expect(await answerRecordingsBytes()).toBe(totalBytes(chunks));
    expect(await answerRecordingsBytes()).toBe(10);
    expect(await hasAnswerRecording('i1', 'q1')).toBe(true);
    expect(await hasAnswerRecording('i1', 'q3')).toBe(false);
    expect((await loadAnswerTakes('i1', 'q1')).map((take) => bytesOf(take.parts))).toEqual([[1, 2, 3, 4, 5]]);

    await deleteInterview('i1');
    expect(await hasAnswerRecording('i1', 'q1')).toBe(false);
    expect(await loadAnswerTakes('i1', 'q2')).toEqual([]);
    expect(await hasAnswerRecording('i2', 'q1')).toBe(true);
    expect(await answerRecordingsBytes()).toBe(4);

    await deleteAllInterviews();
    expect(await answerRecordingsBytes()).toBe(0);
  });

  it('does not call a play control playable when only later chunks of a take survived', async () => {
    await indexedDbRecordingStore.put(chunk(100, 3, [1]));
    expect(await hasAnswerRecording('i1', 'q1')).toBe(false);
  });
});
