// The seed's turn, emulated through the same proxy and fake services as ours: at "stop recording" the whole answer's
// buffer is transcribed again (it re-sent up to 30 s every 3 s), then one call judges the answer, then a second call
// writes the next question, and speech starts only once the first whole sentence of it has arrived and been synthesized.

/** Marks the seed's judging call, so the bench's fake Gemini answers it with a judgment. */
export const SEED_EVALUATE_MARK = 'Evaluate the candidate answer (seed process_answer).';
/** Marks the seed's question call, so the bench's fake Gemini answers it without a decision line. */
export const SEED_GENERATE_MARK = 'Generate the next question (seed generate_question).';

/** The seed's turn, ms from Done (or Send) to each step's end. */
export interface SeedTurn {
  kind: 'typed' | 'spoken';
  transcribedMs: number;
  judgedMs: number;
  firstSentenceMs: number;
  firstAudioMs: number;
}

/** What one seed turn needs. */
export interface SeedTurnInput {
  proxyUrl: string;
  model: string;
  answer: string;
  /** The whole answer's audio as WAV (spoken answers); null for a typed one. */
  wav: Uint8Array | null;
  /** The synthesis of one sentence, ms: the seed's Kokoro ran on the server; the same test model's time is used. */
  synthesisMs: number;
}

/** The end of the first whole sentence in `text` (after its closing punctuation and a space, or at the end of the stream), or -1. */
export function firstSentenceEnd(text: string, streamEnded: boolean): number {
  const match = /[.!?](?=\s)/.exec(text);
  if (match) return match.index + 1;
  return streamEnded && text.trim() !== '' ? text.length : -1;
}

/** Plays one seed turn through the proxy and returns when each step ended. */
export async function seedTurn(input: SeedTurnInput): Promise<SeedTurn> {
  const start = performance.now();
  const since = () => performance.now() - start;
  if (input.wav) {
    const response = await fetch(`${input.proxyUrl}/api/stt/runpod`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ audio_base64: Buffer.from(input.wav).toString('base64'), model: 'small', language: 'en', enable_vad: true }),
    });
    if (!response.ok) throw new Error(`seed transcription: HTTP ${response.status} ${await response.text()}`);
    await response.json();
  }
  const transcribedMs = since();
  const body = (text: string) => JSON.stringify({ contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { temperature: 0.7, maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } } });
  const base = `${input.proxyUrl}/api/llm/gemini/v1beta/models/${input.model}`;
  const judged = await fetch(`${base}:generateContent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(`${SEED_EVALUATE_MARK}\nCandidate: ${input.answer}`) });
  if (!judged.ok) throw new Error(`seed evaluation: HTTP ${judged.status} ${await judged.text()}`);
  await judged.json();
  const judgedMs = since();
  const generated = await fetch(`${base}:streamGenerateContent?alt=sse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(`${SEED_GENERATE_MARK}\nNext topic in the plan: System design trade-offs.\nCandidate: ${input.answer}`),
  });
  if (!generated.ok || !generated.body) throw new Error(`seed question: HTTP ${generated.status}`);
  let text = '';
  let buffer = '';
  let firstSentenceMs = Number.NaN;
  const decoder = new TextDecoder();
  for await (const chunk of generated.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    const events = buffer.split('\r\n\r\n');
    buffer = events.pop() ?? '';
    for (const event of events) {
      if (!event.startsWith('data:')) continue;
      const payload = JSON.parse(event.slice(5)) as { candidates?: { content?: { parts?: { text?: string }[] } }[] };
      text += payload.candidates?.[0]?.content?.parts?.map((part) => part.text ?? '').join('') ?? '';
    }
    if (Number.isNaN(firstSentenceMs) && firstSentenceEnd(text, false) > 0) firstSentenceMs = since();
  }
  if (Number.isNaN(firstSentenceMs)) firstSentenceMs = since();
  return { kind: input.wav ? 'spoken' : 'typed', transcribedMs, judgedMs, firstSentenceMs, firstAudioMs: firstSentenceMs + input.synthesisMs };
}
