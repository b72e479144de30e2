// What the first screen needs from this device, read before the app is drawn: the documents draft and an unfinished
// interview. Drawn after these reads, the first screen is drawn once, whole, instead of in pieces as each read lands.
import { loadDocumentsDraft, type DocumentsDraft } from './documents-draft.ts';
import { latestUnfinishedInterview, type InterviewRecord } from './interviews.ts';

/** The two reads, started once; each may still be running (a slow device) or may have failed. */
export interface FirstRead {
  readonly draft: Promise<DocumentsDraft | undefined>;
  readonly unfinished: Promise<InterviewRecord | undefined>;
}

/** The longest the app waits for the reads before drawing anyway ("Loading your saved work…" until they land). */
const FIRST_READ_WAIT_MS = 300;

/** Starts both reads and resolves once both have settled, or after `waitMs`, whichever is first. */
export async function readFirst(
  reads: { draft: () => Promise<DocumentsDraft | undefined>; unfinished: () => Promise<InterviewRecord | undefined> } = {
    draft: loadDocumentsDraft,
    unfinished: latestUnfinishedInterview,
  },
  waitMs = FIRST_READ_WAIT_MS,
): Promise<FirstRead> {
  const read: FirstRead = { draft: reads.draft(), unfinished: reads.unfinished() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.allSettled([read.draft, read.unfinished]), waited]);
  clearTimeout(timer);
  return read;
}
