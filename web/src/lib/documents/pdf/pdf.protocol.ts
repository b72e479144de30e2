// Messages between the main thread and the PDF worker. Bytes travel as transferred ArrayBuffers.

import type { PdfOutcome } from './types.ts';

/** Commands the worker understands. */
export const PdfCommand = { warm: 'warm', extract: 'extract' } as const;

/** Replies the worker sends. */
export const PdfReply = { warmed: 'warmed', extracted: 'extracted', failed: 'failed' } as const;

/** Main thread → worker. `id` pairs each reply with its request. */
export type ToWorker =
  | { type: typeof PdfCommand.warm; id: number }
  | { type: typeof PdfCommand.extract; id: number; bytes: ArrayBuffer; password?: string; maxPages: number };

/** Worker → main thread. `failed` means the worker itself broke, not that the PDF was bad. */
export type FromWorker =
  | { type: typeof PdfReply.warmed; id: number }
  | { type: typeof PdfReply.extracted; id: number; outcome: PdfOutcome }
  | { type: typeof PdfReply.failed; id: number; message: string };
