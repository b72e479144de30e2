// Reads one streamed interviewer turn as it arrives: the decision line first, then the question text,
// cleaned of labels and markdown so captions and the voice never see them. Pure; no I/O.
import type { TurnDecision } from './types.ts';

/** What the parser reports: the decision (always exactly once, before any text), then text deltas. */
export type TurnParseEvent = { type: 'decision'; decision: TurnDecision } | { type: 'text'; text: string };

/** An incremental parser of one turn's streamed text. */
export interface TurnParser {
  /** Feeds one delta; returns what became known. */
  push(delta: string): TurnParseEvent[];
  /** Ends the stream; flushes what was held back (and the decision, if it never came). */
  end(): TurnParseEvent[];
}

// "DECISION: FOLLOW_UP" with any case, markdown, spacing or separator; the value decides.
const DECISION_FULL = /^decision(?:[\s*_]*[:=-]|[\s*_]+)[\s*_`"']*(follow[\s_-]*ups?|next[\s_-]*topic)/i;
// "DECISION:" with a value we may not know: the whole line is dropped.
const DECISION_HEAD = /^decision[\s*_]*[:=]/i;
const DECISION_PREFIX = /^decision(?:[\s*_]*[:=-]|[\s*_]+)?[\s*_`"']*/i;
const LEADING_MARKUP = /^[\s*_#>`]+/;
const AFTER_DECISION = /^[\s*_`"'.,;:\-–—]+/;
const LABEL_FULL = /^question\s*(?:#?\s*\d+)?[\s*_]*[:.)\-–—][\s*_]*/i;
const LABEL_PARTIAL = /^(?:q|qu|que|ques|quest|questi|questio|question\s*#?\s*\d*[\s*_]*)$/i;

type HeadResult =
  | { state: 'wait' }
  | { state: 'decision'; decision: TurnDecision; rest: string }
  | { state: 'none'; text: string };

/** Decides whether the start of the stream is a decision line; `final` means no more text will come. */
function classifyHead(buffer: string, final: boolean): HeadResult {
  let text = buffer;
  for (;;) {
    const newline = text.indexOf('\n');
    const line = newline === -1 ? text : text.slice(0, newline);
    const afterLine = newline === -1 ? '' : text.slice(newline + 1);
    const complete = newline !== -1 || final;
    const core = line.replace(LEADING_MARKUP, '');
    if (core === '') {
      if (newline === -1) return final ? { state: 'none', text: '' } : { state: 'wait' };
      text = afterLine;
      continue;
    }
    const full = DECISION_FULL.exec(core);
    if (full) {
      // Wait while the line may still go on ("FOLLOW_UP" may become "FOLLOW_UPS", "** —" may precede the question).
      const sameLine = core.slice(full[0].length).replace(AFTER_DECISION, '');
      if (!complete && sameLine === '') return { state: 'wait' };
      const decision: TurnDecision = /^follow/i.test(full[1] ?? '') ? 'FOLLOW_UP' : 'NEXT_TOPIC';
      return { state: 'decision', decision, rest: sameLine === '' || newline === -1 ? sameLine + afterLine : `${sameLine}\n${afterLine}` };
    }
    if (DECISION_HEAD.test(core)) {
      // A decision line with a value we do not know: wait for its end, then drop it.
      return complete ? { state: 'decision', decision: 'NEXT_TOPIC', rest: afterLine } : { state: 'wait' };
    }
    if (!complete && mayBecomeDecision(core)) return { state: 'wait' };
    return { state: 'none', text };
  }
}

/** Whether an unfinished first line could still turn out to be a decision line. */
function mayBecomeDecision(core: string): boolean {
  if ('decision'.startsWith(core.toLowerCase())) return true;
  const prefix = DECISION_PREFIX.exec(core);
  if (!prefix) return false;
  const value = core.slice(prefix[0].length).toLowerCase().replace(/[\s_-]/g, '');
  return 'followups'.startsWith(value) || 'nexttopic'.startsWith(value);
}

/** Removes markdown emphasis and code marks, and heading marks at line starts; `atLineStart` carries across deltas. */
function stripMarkup(text: string, atLineStart: boolean): { text: string; atLineStart: boolean } {
  let out = '';
  let lineStart = atLineStart;
  for (const char of text) {
    if (char === '*' || char === '`') continue;
    if (lineStart && (char === '#' || char === ' ' || char === '\t')) continue;
    out += char;
    lineStart = char === '\n';
  }
  return { text: out, atLineStart: lineStart };
}

/** Creates a parser for one turn's stream. */
export function createTurnParser(): TurnParser {
  let phase: 'head' | 'label' | 'body' = 'head';
  let buffer = '';
  let atLineStart = true;

  function emitText(events: TurnParseEvent[], raw: string): void {
    const stripped = stripMarkup(raw, atLineStart);
    atLineStart = stripped.atLineStart;
    if (stripped.text !== '') events.push({ type: 'text', text: stripped.text });
  }

  function step(events: TurnParseEvent[], final: boolean): void {
    if (phase === 'head') {
      const head = classifyHead(buffer, final);
      if (head.state === 'wait') return;
      events.push({ type: 'decision', decision: head.state === 'decision' ? head.decision : 'NEXT_TOPIC' });
      buffer = head.state === 'decision' ? head.rest : head.text;
      phase = 'label';
    }
    if (phase === 'label') {
      const core = buffer.replace(LEADING_MARKUP, '');
      if (core === '' && !final) return;
      const label = LABEL_FULL.exec(core);
      if (label) {
        const rest = core.slice(label[0].length);
        if (rest === '' && !final) return;
        buffer = rest;
      } else if (LABEL_PARTIAL.test(core) && !final) {
        return;
      } else {
        buffer = core;
      }
      phase = 'body';
    }
    const text = buffer;
    buffer = '';
    emitText(events, text);
  }

  return {
    push(delta) {
      const events: TurnParseEvent[] = [];
      buffer += delta;
      step(events, false);
      return events;
    },
    end() {
      const events: TurnParseEvent[] = [];
      step(events, true);
      return events;
    },
  };
}

/** Parses a whole turn at once: the decision and the cleaned question (the same rules as streaming). */
export function parseTurn(text: string): { decision: TurnDecision; question: string } {
  const parser = createTurnParser();
  const events = [...parser.push(text), ...parser.end()];
  let decision: TurnDecision = 'NEXT_TOPIC';
  let question = '';
  for (const event of events) {
    if (event.type === 'decision') decision = event.decision;
    else question += event.text;
  }
  return { decision, question: cleanQuestion(question) };
}

/**
 * The seed's _clean_question_response: drops a stray decision line, "QUESTION:" / "Question #3:" labels,
 * markdown and extra whitespace, leaving one line of plain spoken text.
 */
export function cleanQuestion(text: string): string {
  return text
    .replace(/^[\s*_#>`]*decision(?:[\s*_]*[:=-]|[\s*_]+)[\s*_`"']*(?:follow[\s_-]*ups?|next[\s_-]*topic)[\s*_`"'.]*/i, '')
    .replace(/\*\*|__|[*`]/g, '')
    .replace(/^[ \t]*#+[ \t]*/gm, '')
    .replace(/^[ \t]*(?:[-•]|\d+[.)])[ \t]+/gm, '')
    .replace(/^[ \t]*question[ \t]*(?:#?[ \t]*\d+)?[ \t]*[:.)\-–—][ \t]*/gim, '')
    .replace(/\s+/g, ' ')
    .trim();
}
