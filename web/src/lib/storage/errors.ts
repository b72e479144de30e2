// How storage failures read to the candidate: a full device (QuotaExceededError) gets its own plain message.

/** Whether a failed write was refused because the device's storage is full. */
export function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) &&
    (error.name === 'QuotaExceededError' || (error instanceof DOMException && error.code === 22))
  );
}

/** What to tell the candidate when saving `what` failed; a full device is named as such. */
export function describeSaveError(error: unknown, what: string): string {
  if (isQuotaError(error)) return `This device is out of storage space, so ${what} could not be saved. Free some space (History → Free space, or other sites' data), then try again.`;
  return `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} could not be saved on this device (${error instanceof Error ? error.message : String(error)}).`;
}
