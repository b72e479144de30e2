// The browser side of export and import: a download through a blob: URL, reading a chosen file, storing an import.
// Thin adapters around the pure markdown and envelope modules.
import { addInterview, describeSaveError, type AddedInterview } from '../storage/index.ts';
import { parseExport } from './envelope.ts';

/** The largest file an import reads; an export of even a long interview is far smaller. */
export const MAX_IMPORT_BYTES = 20_000_000;

/** What an import did, in words for the candidate. */
export type ImportOutcome = ({ ok: true; message: string } & AddedInterview) | { ok: false; error: string };

/** Offers `text` as a file download (an <a download> on a blob: URL). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Warning: revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads and stores an exported interview file (with its report): its own id when free, else a new one. Changes nothing on error. */
export async function importInterviewFile(file: Blob, newId: () => string = () => crypto.randomUUID()): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: 'This file is too large to be an xquizit interview export, so nothing was imported.' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'This file could not be read, so nothing was imported.' };
  }
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  try {
    const added = await addInterview(parsed.interview, newId, parsed.report);
    return {
      ok: true,
      ...added,
      message: added.keptId ? 'Interview imported.' : 'Interview imported as a copy: an interview with the same id is already on this device.',
    };
  } catch (error) {
    return { ok: false, error: describeSaveError(error, 'the imported interview') };
  }
}
