// The spoken-answer fixture (made by web/scripts/make-speech-fixtures.sh): the WAV, its sentences and times.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pcm16ToFloat } from '../resample.ts';
import type { OrtRuntime } from '../../onnx/index.ts';
import { createSileroDetector, type SpeechDetector } from '../vad.ts';
import { decodeWav } from '../wav.ts';

/** One sentence of the fixture and where it is in the file, in seconds. */
export interface FixtureSentence {
  text: string;
  start: number;
  end: number;
}

/** The fixture's description (answer.json). */
export interface SpeechFixture {
  sampleRate: number;
  seconds: number;
  sentences: FixtureSentence[];
}

/** Absolute path of the fixture WAV (Chromium's fake microphone plays it in the browser specs). */
export const ANSWER_WAV_PATH = fileURLToPath(new URL('./answer.wav', import.meta.url));

/** The fixture's samples as floats at 16 kHz, and its description. */
export async function loadAnswerFixture(): Promise<{ samples: Float32Array; pcm: Int16Array; info: SpeechFixture }> {
  const wav = decodeWav(new Uint8Array(await readFile(ANSWER_WAV_PATH)));
  const info = JSON.parse(await readFile(new URL('./answer.json', import.meta.url), 'utf8')) as SpeechFixture;
  return { samples: pcm16ToFloat(wav.samples), pcm: wav.samples, info };
}

/** Seconds of speech in the fixture (the sentences, without the pauses). */
export function spokenSeconds(info: SpeechFixture): number {
  return info.sentences.reduce((sum, sentence) => sum + sentence.end - sentence.start, 0);
}

/** Silero on ONNX Runtime's Node build (onnxruntime-web resolves to it under Node), one thread, the model from vad-web. */
export async function loadNodeSilero(): Promise<SpeechDetector> {
  // @ts-expect-error onnxruntime-web's package "exports" name no types, so TypeScript finds none; OrtRuntime covers what is used.
  const ort = (await import('onnxruntime-web')) as OrtRuntime;
  ort.env.wasm.numThreads = 1;
  const model = await readFile(createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx'));
  return createSileroDetector(ort, new Uint8Array(model));
}
