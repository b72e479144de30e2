// Where the candidate's words go, said plainly on the first screen: which provider the chosen model belongs to.
import { parseModelRef } from '../llm/index.ts';

/** Who reads the documents and answers, in the candidate's words, by provider id. */
const RECIPIENTS: Readonly<Record<string, string>> = {
  gemini: 'Gemini (Google’s language model)',
  openai: 'your own model server (OpenAI-compatible)',
};

/**
 * The line on where data goes for the model reference in use (null before the server has said which it offers), and
 * whether the server transcribes speech with RunPod (spoken answers then go there when the server transcribes them).
 */
export function whereDataGoes(model: string | null, serverSpeechToText: boolean): string {
  const provider = model === null ? null : parseModelRef(model).provider;
  const recipient = provider === null ? 'the language model this server is set up with' : (RECIPIENTS[provider] ?? `the “${provider}” model service`);
  const voice = serverSpeechToText ? ' Spoken answers transcribed by this server go to RunPod.' : '';
  return `Your resume, the job description and your answers go to ${recipient} through this server; nothing else leaves this device.${voice}`;
}
