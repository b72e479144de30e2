// The real transformers.js automatic-speech-recognition pipeline on ONNX Runtime (Node), on the tiny Moonshine
// stand-ins: the transcript follows the seconds of sound, silence gives nothing, and short clips are not cut off.
import { env, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_WORDS, STT_TEST_MODELS_DIR, WORDS_PER_SECOND } from '../../../../../../scripts/make-stt-test-models.ts';
import { WHISPER_LANGUAGE_CODES, WHISPER_STAND_IN_WORDS, WHISPER_WORDS_PER_SECOND } from '../../../../../../scripts/make-whisper-test-model.ts';
import { loadAnswerFixture } from '../../testdata/fixtures.ts';
import { MOONSHINE_MODELS, WHISPER_BASE } from './models.ts';
import { loadRecognizer, maxNewTokens, MOONSHINE_MAX_TOKENS, recognize, WHISPER_MAX_TOKENS, whisperMaxNewTokens } from './recognizer.ts';

const saved = { allowLocalModels: env.allowLocalModels, allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath };

/** A clip of `loud` seconds of a 220 Hz tone between `quiet` seconds of silence on each side. */
function tone(loud: number, quiet = 0): Float32Array {
  const samples = new Float32Array(Math.round((loud + 2 * quiet) * 16_000));
  const start = Math.round(quiet * 16_000);
  for (let i = 0; i < Math.round(loud * 16_000); i++) samples[start + i] = 0.5 * Math.sign(Math.sin((2 * Math.PI * 220 * i) / 16_000)) || 0.5;
  return samples;
}

describe('maxNewTokens', () => {
  it.each([
    [0.8, 15],
    [1, 16],
    [12, 104],
    [60, MOONSHINE_MAX_TOKENS - 1],
  ])('%s s may produce %s tokens', (seconds, tokens) => {
    expect(maxNewTokens(Math.round(seconds * 16_000))).toBe(tokens);
  });
});

describe('whisperMaxNewTokens', () => {
  it.each([
    [0.5, 24],
    [12, 208],
    [30, WHISPER_MAX_TOKENS - 4],
  ])('%s s may produce %s tokens', (seconds, tokens) => {
    expect(whisperMaxNewTokens(Math.round(seconds * 16_000))).toBe(tokens);
  });
});

describe.each(Object.entries(MOONSHINE_MODELS))('recognize with the Moonshine %s stand-in', (_, modelId) => {
  let asr: AutomaticSpeechRecognitionPipeline;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = STT_TEST_MODELS_DIR;
    asr = await loadRecognizer(modelId, { device: 'cpu' });
  });

  afterAll(async () => {
    await asr?.dispose();
    Object.assign(env, saved);
  });

  it('writes words in proportion to the seconds of sound', async () => {
    const words = async (loud: number) => (await recognize(asr, tone(loud, 0.5))).split(' ');
    expect(await words(1)).toEqual(STAND_IN_WORDS.slice(0, WORDS_PER_SECOND));
    expect(await words(4)).toHaveLength(4 * WORDS_PER_SECOND);
  });

  it('hears nothing in silence, and skips an empty clip', async () => {
    expect(await recognize(asr, new Float32Array(32_000))).toBe('');
    expect(await recognize(asr, new Float32Array(0))).toBe('');
  });

  it('keeps the words of a clip under a second (the pipeline would allow none)', async () => {
    expect(await recognize(asr, tone(0.6))).toBe(STAND_IN_WORDS.slice(0, 2).join(' '));
  });

  it('gives the spoken fixture more words than its first second', async () => {
    const { samples } = await loadAnswerFixture();
    const all = (await recognize(asr, samples)).split(' ').length;
    const first = (await recognize(asr, samples.slice(0, 16_000))).split(' ').length;
    expect(all).toBeGreaterThan(4 * first);
  });
});

describe('recognize with the Whisper base stand-in', () => {
  let asr: AutomaticSpeechRecognitionPipeline;
  // The stand-in starts its words at the language's number (in Whisper's token order) mod 4.
  const firstWord = (language: string) => WHISPER_STAND_IN_WORDS[WHISPER_LANGUAGE_CODES.indexOf(language) % WHISPER_STAND_IN_WORDS.length];

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = STT_TEST_MODELS_DIR;
    asr = await loadRecognizer(WHISPER_BASE.id, { device: 'cpu' });
  });

  afterAll(async () => {
    await asr?.dispose();
    Object.assign(env, saved);
  });

  it('writes words in proportion to the seconds of sound', async () => {
    const words = async (loud: number) => (await recognize(asr, tone(loud, 0.5), 'de')).split(' ');
    expect(await words(1)).toHaveLength(WHISPER_WORDS_PER_SECOND);
    expect(await words(4)).toHaveLength(4 * WHISPER_WORDS_PER_SECOND);
  });

  it('transcribes in the language it is given (German, Spanish, French differ from the first word)', async () => {
    const first = async (language: string) => (await recognize(asr, tone(1, 0.5), language)).split(' ')[0];
    expect(firstWord('de')).not.toBe(firstWord('es'));
    for (const language of ['de', 'es', 'fr']) expect(await first(language)).toBe(firstWord(language));
  });

  it('hears nothing in silence, and skips an empty clip', async () => {
    expect(await recognize(asr, new Float32Array(32_000), 'fr')).toBe('');
    expect(await recognize(asr, new Float32Array(0), 'fr')).toBe('');
  });

  it('gives the spoken fixture more words than its first second', async () => {
    const { samples } = await loadAnswerFixture();
    const all = (await recognize(asr, samples, 'de')).split(' ').length;
    const first = (await recognize(asr, samples.slice(0, 16_000), 'de')).split(' ').length;
    expect(all).toBeGreaterThan(4 * first);
  });
});
