// The answer-audio store in IndexedDB: segments by interview, question and index; other answers removed; the
// in-memory store behaves the same.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexedDbSegmentStore, memorySegmentStore, type SegmentStore, type StoredSegment } from './answer-audio.ts';

function segment(questionId: string, index: number, interviewId = 'iv'): StoredSegment {
  return { interviewId, questionId, index, state: 'pending', pcm: Int16Array.from([index + 7, -index - 7]).buffer, seconds: 2 / 16000, voicedSeconds: 0, text: null, updatedAt: 1 };
}

describe.each<[string, SegmentStore]>([
  ['IndexedDB', indexedDbSegmentStore],
  ['memory', memorySegmentStore()],
])('%s segment store', (_, store) => {
  it('lists one answer by index, replaces on put, removes one and the other answers', async () => {
    await store.put(segment('q2', 1));
    await store.put(segment('q2', 0));
    await store.put(segment('q1', 0));
    await store.put(segment('q2', 0, 'other'));
    await store.put({ ...segment('q2', 1), state: 'done', pcm: null, text: 'hello' });
    const listed = await store.list('iv', 'q2');
    expect(listed.map((r) => [r.index, r.state, r.text])).toEqual([
      [0, 'pending', null],
      [1, 'done', 'hello'],
    ]);
    expect([...new Int16Array(listed[0]?.pcm ?? new ArrayBuffer(0))]).toEqual([7, -7]);
    await store.remove('iv', 'q2', 0);
    await store.removeOthers('iv', 'q2');
    expect(await store.list('iv', 'q1')).toEqual([]);
    expect((await store.list('iv', 'q2')).map((r) => r.index)).toEqual([1]);
    expect(await store.list('other', 'q2')).toHaveLength(1);
  });
});
