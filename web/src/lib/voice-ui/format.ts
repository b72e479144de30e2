// Wording of the voice's status line and download sizes (pure, tested).
import type { VoiceStatus } from '../speech/tts/index.ts';
import { assertNever } from '../common/index.ts';

/** "12.3 MB" / "850 kB" / "120 B" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${Math.round(bytes)} B`;
}

/**
 * Why the natural voice is not speaking, in a person's words: the technical reason (e.g. "Failed to fetch") stays out of
 * sight; a download that failed is told apart from a device that could not run the model.
 */
export function whyNoNaturalVoice(reason: string): string {
  if (/metered connection/.test(reason)) return `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  return /fetch|network|download|offline|connection/i.test(reason)
    ? 'the natural voice could not be downloaded. Check your connection.'
    : 'the natural voice could not start on this device.';
}

/** The one line the `tts-status` element shows. */
export function statusText(status: VoiceStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Natural voice: loads when the interview starts.';
    case 'loading':
      return status.total > 0
        ? `Loading the natural voice: ${status.percent}% (${formatBytes(status.loaded)} of ${formatBytes(status.total)})`
        : 'Loading the natural voice…';
    case 'ready':
      return `Voice ready (${status.label}).`;
    case 'fallback':
      return status.browserVoice ? `Your browser’s own voice reads the questions: ${whyNoNaturalVoice(status.reason)}` : `Questions are shown as text only: ${whyNoNaturalVoice(status.reason)}`;
    case 'off':
      return status.reason ?? 'Voice off: questions are shown as text only.';
    default:
      return assertNever(status);
  }
}
