// Importing a file into IndexedDB (fake-indexeddb): own id when free, a copy otherwise, nothing on a bad file.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { upgradeInterviewSnapshot } from '../interview/index.ts';
import { listInterviews, loadInterview } from '../storage/index.ts';
import { exportJson } from './envelope.ts';
import { sampleRecord } from './testdata.ts';
import { importInterviewFile } from './transfer.ts';

it('imports under the file id, then as a copy, and refuses a bad file without a change', async () => {
  const file = new Blob([exportJson(sampleRecord(), 0)]);
  expect(await importInterviewFile(file, () => 'copy-1')).toMatchObject({ ok: true, id: 'interview-1', keptId: true, message: 'Interview imported.' });
  expect(await loadInterview('interview-1')).toEqual({ ...sampleRecord(), snapshot: upgradeInterviewSnapshot(sampleRecord().snapshot) });
  expect(await importInterviewFile(file, () => 'copy-1')).toMatchObject({ ok: true, id: 'copy-1', keptId: false, message: expect.stringMatching(/as a copy/) });
  expect(await importInterviewFile(new Blob(['{oops']))).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  expect((await listInterviews()).map((row) => row.id).sort()).toEqual(['copy-1', 'interview-1']);
});
