// A synchronous copy of each interview's unsent answer in localStorage: an IndexedDB write in flight when the
// page unloads can be lost, a localStorage write cannot.

/** Reads, writes and clears the copy of one interview's unsent answer. */
export interface AnswerDraftBackup {
  write(interviewId: string, text: string): void;
  read(interviewId: string): string | undefined;
  clear(interviewId: string): void;
}

const key = (interviewId: string) => `xquizit:answer-draft:${interviewId}`;

/** The localStorage-backed copy (a full or disabled localStorage just keeps no copy). */
export const answerDraftBackup: AnswerDraftBackup = {
  write(interviewId, text) {
    try {
      localStorage.setItem(key(interviewId), text);
    } catch {
      // IndexedDB still holds the draft; the screen says when that fails.
    }
  },
  read(interviewId) {
    try {
      return localStorage.getItem(key(interviewId)) ?? undefined;
    } catch {
      return undefined;
    }
  },
  clear(interviewId) {
    try {
      localStorage.removeItem(key(interviewId));
    } catch {
      // Nothing to clear.
    }
  },
};
