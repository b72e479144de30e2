// What the speech pipeline adds on top of synthesis, per piece: the time from "text and engine ready" to "audio
// scheduled" minus the engine's own synthesis time. Pure, for benchmarks and the dev panel.

/** How one piece went through the pipeline, epoch milliseconds. The question speaker reports one per piece. */
export interface PieceTrace {
  questionId: string;
  /** The piece's index in its question text. */
  index: number;
  chars: number;
  /** What spoke it. */
  engine: 'kokoro' | 'browser';
  /** When the piece's last character arrived (the splitter may have held it back for a look-ahead character). */
  textAt: number;
  /** When synthesize() was called; null for the browser voice. */
  synthesisStartAt: number | null;
  /** When synthesize() answered on the main thread; null for the browser voice. */
  synthesisDoneAt: number | null;
  /** The engine's own time (ONNX run and phonemization); 0 for the browser voice. */
  synthesisMs: number;
  /** When its audio is scheduled to start. */
  scheduledAt: number;
  /** When the previous piece of the question ends (it cannot start earlier); null for the first one. */
  previousEndAt: number | null;
  /** When the engine finished the piece before it (it could not start this one earlier); null when idle. */
  engineFreeAt: number | null;
  audioMs: number;
}

/**
 * Milliseconds the pipeline added to one piece: scheduled start − max(text ready, engine free) − synthesisMs,
 * but never counting time spent waiting for the previous piece to finish playing.
 */
export function pieceOverheadMs(trace: Pick<PieceTrace, 'textAt' | 'engineFreeAt' | 'synthesisMs' | 'scheduledAt' | 'previousEndAt'>): number {
  const ready = Math.max(trace.textAt, trace.engineFreeAt ?? Number.NEGATIVE_INFINITY) + trace.synthesisMs;
  const earliest = Math.max(ready, trace.previousEndAt ?? Number.NEGATIVE_INFINITY);
  return trace.scheduledAt - earliest;
}
