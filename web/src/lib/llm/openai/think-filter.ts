// Drops a leading `<think>…</think>` block from streamed text: servers without a reasoning parser (vLLM without
// --reasoning-parser, llama.cpp with --reasoning-format none) put a thinking model's thoughts in the content itself.

/** Feeds text deltas in order; returns the part of each that is the reply. */
export interface ThinkFilter {
  push(delta: string): string;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/** A filter that hides a `<think>` block at the very start of the reply (leading white space allowed). */
export function createThinkFilter(): ThinkFilter {
  let state: 'start' | 'thinking' | 'after' | 'reply' = 'start';
  let held = '';
  return {
    push(delta) {
      if (state === 'reply') return delta;
      if (state === 'after') {
        // The blank lines between the thoughts and the reply are not part of the reply.
        const text = delta.replace(/^\s+/, '');
        if (text !== '') state = 'reply';
        return text;
      }
      held += delta;
      if (state === 'start') {
        const trimmed = held.trimStart();
        // Warning: the opening tag may arrive split across deltas; hold text back until it is certain.
        if (trimmed.length < OPEN.length && OPEN.startsWith(trimmed)) return '';
        if (!trimmed.startsWith(OPEN)) {
          state = 'reply';
          const text = held;
          held = '';
          return text;
        }
        state = 'thinking';
      }
      const end = held.indexOf(CLOSE);
      if (end === -1) {
        // Keep only what could still be the start of the closing tag.
        held = held.slice(Math.max(0, held.length - CLOSE.length));
        return '';
      }
      const text = held.slice(end + CLOSE.length).replace(/^\s+/, '');
      held = '';
      state = text === '' ? 'after' : 'reply';
      return text;
    },
  };
}
