// How a failed report call leaves its section: waiting (the network or the model may come back; tried again when the
// browser is back online, or after a while) or unavailable (tried as often as allowed, or a problem only the server's
// operator can fix: the screen says so and offers a retry). Never a made-up value in its place.
import { LlmError } from '../llm/index.ts';
import { ReplyUnavailable } from './judge.ts';

/** What a failure makes of its section; null when the call was only stopped (the section stays pending). */
export type SectionFailure = { status: 'waiting' | 'unavailable'; message: string } | null;

const PASSING: ReadonlySet<string> = new Set(['network', 'unavailable', 'rate-limited', 'incomplete']);

/** The section state a failed call leads to. */
export function sectionFailure(error: unknown): SectionFailure {
  if (error instanceof ReplyUnavailable) return { status: 'unavailable', message: error.userMessage };
  if (error instanceof LlmError) {
    if (error.kind === 'aborted') return null;
    return { status: PASSING.has(error.kind) ? 'waiting' : 'unavailable', message: error.userMessage };
  }
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  return { status: 'unavailable', message: `Something went wrong while judging (${error instanceof Error ? error.message : String(error)}).` };
}
