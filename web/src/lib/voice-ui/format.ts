// Wording of the voice's status line and download sizes (pure, tested).
import type { VoiceStatus } from '../speech/tts/index.ts';
import { assertNever } from '../common/index.ts';

/** "12.3 MB" / "850 kB" / "120 B" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${Math.round(bytes)} B`;
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
      return status.browserVoice
        ? `The natural voice could not be used: ${status.reason} Your browser’s own voice speaks instead.`
        : `The natural voice could not be used: ${status.reason} Questions are shown as text only.`;
    case 'off':
      return status.reason ?? 'Voice off: questions are shown as text only.';
    default:
      return assertNever(status);
  }
}
