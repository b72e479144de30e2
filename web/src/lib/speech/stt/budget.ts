// How much audio an answer may upload, and when the open segment may be sent for a partial transcript.
// The seed re-sent its whole buffer (up to 30 s) every 3 s; here every segment is sent once, and partials of
// the open segment are extras paid out of a budget: everything uploaded for an answer stays within
// `maxRatio` × the answer's voiced seconds, counting the finals still owed for audio already captured.

/** The budget and the partial schedule. */
export interface UploadPolicy {
  /** Upper bound of seconds uploaded per second of voiced audio (the 1.5). */
  maxRatio: number;
  /** Seconds kept free for the pre- and post-roll of segments still to come. */
  reserveSeconds: number;
  /** Least time between two partial requests, in milliseconds (the seed's 3 s interval). */
  partialIntervalMs: number;
  /** The open segment must hold at least this many seconds before a partial is worth asking for. */
  minPartialSeconds: number;
  /** And have grown by this many seconds since its last partial. */
  minGrowthSeconds: number;
  /**
   * After this much silence (milliseconds), the open segment's final is sent before the segment closes, its clip
   * ending there, so the answer's last words are usually transcribed by the time the candidate presses Done; null
   * turns it off. When the candidate speaks on, that clip serves as a partial where the budget allows, and otherwise
   * the segment is split where the clip ended.
   */
  earlyFinalAfterMs: number | null;
}

/** The 1.5×, the seed's 3 s interval; early finals after 128 ms of silence (a pause, not a word gap). */
export const DEFAULT_UPLOAD_POLICY: UploadPolicy = {
  maxRatio: 1.5,
  reserveSeconds: 0.5,
  partialIntervalMs: 3000,
  minPartialSeconds: 2,
  minGrowthSeconds: 1.5,
  earlyFinalAfterMs: 128,
};

/** What an answer has spoken, sent and still owes, in seconds. */
export interface UploadLedger {
  /** Speech so far: each segment from its first to its last speech frame, the open one included. */
  voicedSeconds: number;
  /** Every clip uploaded so far (partials and retries included). */
  sentSeconds: number;
  /** Finals not yet uploaded: closed segments waiting and the open segment as it stands. */
  owedSeconds: number;
}

/** Whether uploading `clipSeconds` more keeps the answer, owed finals included, within the budget. */
export function canAfford(ledger: UploadLedger, clipSeconds: number, policy: UploadPolicy = DEFAULT_UPLOAD_POLICY): boolean {
  return ledger.sentSeconds + ledger.owedSeconds + clipSeconds <= policy.maxRatio * ledger.voicedSeconds - policy.reserveSeconds;
}

/** The open segment as the partial schedule sees it. */
export interface PartialCandidate {
  /** Seconds the partial would upload (the open segment so far). */
  openSeconds: number;
  /** Seconds the open segment held at its last partial (0 when it had none). */
  lastPartialSeconds: number;
  /** Milliseconds since the answer's last partial request (Infinity when none). */
  sinceLastPartialMs: number;
  /** Whether any upload of this answer is under way (partials wait for a quiet line). */
  busy: boolean;
}

/** Whether to ask for a partial transcript of the open segment now. */
export function partialDue(candidate: PartialCandidate, ledger: UploadLedger, policy: UploadPolicy = DEFAULT_UPLOAD_POLICY): boolean {
  if (candidate.busy) return false;
  if (candidate.sinceLastPartialMs < policy.partialIntervalMs) return false;
  if (candidate.openSeconds < policy.minPartialSeconds) return false;
  if (candidate.openSeconds - candidate.lastPartialSeconds < policy.minGrowthSeconds) return false;
  return canAfford(ledger, candidate.openSeconds, policy);
}
