// How spoken text joins the answer box, and how the timings of several takes of one answer add up.
import type { ListeningTiming } from './listening-timing.ts';

/** `draft` with `text` appended, one space between them (none when the draft is empty or ends in whitespace). */
export function joinAnswer(draft: string, text: string): string {
  const addition = text.trim();
  if (!addition) return draft;
  if (draft === '' || /\s$/.test(draft)) return draft + addition;
  return `${draft} ${addition}`;
}

/** One answer's timing over its takes: seconds and pauses add up, speech starts with the first take, the other times are the latest take's. */
export function mergeListening(previous: ListeningTiming | null, take: ListeningTiming): ListeningTiming | null {
  if (take.spokenSeconds === 0 && take.audioSecondsSent === 0) return previous;
  if (!previous) return take;
  return {
    speechEndAt: take.speechEndAt ?? previous.speechEndAt,
    transcriptReadyAt: take.transcriptReadyAt ?? previous.transcriptReadyAt,
    spokenSeconds: Math.round((previous.spokenSeconds + take.spokenSeconds) * 100) / 100,
    audioSecondsSent: Math.round((previous.audioSecondsSent + take.audioSecondsSent) * 100) / 100,
    speechStartAt: previous.speechStartAt ?? take.speechStartAt ?? null,
    pauses: [...(previous.pauses ?? []), ...(take.pauses ?? [])],
  };
}
