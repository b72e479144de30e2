// Turns whatever an actor failed with into what the machine keeps: a message for the candidate and whether
// trying again can help. Errors themselves are not stored: the persisted snapshot must stay plain JSON.

/** A failure as the machine records it. */
export interface FailureInfo {
  message: string;
  retryable: boolean;
}

/** Reads `userMessage` and `retryable` where the error has them (LlmError, AnalysisError); unknown errors are not retried. */
export function describeFailure(error: unknown): FailureInfo {
  if (typeof error === 'object' && error !== null) {
    const record = error as { userMessage?: unknown; retryable?: unknown; message?: unknown };
    const message =
      typeof record.userMessage === 'string' ? record.userMessage : typeof record.message === 'string' && record.message !== '' ? record.message : 'Something went wrong.';
    return { message, retryable: record.retryable === true };
  }
  return { message: typeof error === 'string' && error !== '' ? error : 'Something went wrong.', retryable: false };
}
