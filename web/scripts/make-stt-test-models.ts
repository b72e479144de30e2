// Writes the tiny stand-ins for Moonshine base and tiny (and, from make-whisper-test-model.ts, Whisper base) that tests
// load instead of the real models: an encoder and a merged decoder with Moonshine's exact input and output names, a
// word-level tokenizer and the seven files the transformers.js pipeline reads, in the Hugging Face layout.
// Run from web/: npx tsx scripts/make-stt-test-models.ts
//
// What they "hear": the encoder measures the seconds of sound (samples louder than SOUND_THRESHOLD); the decoder
// writes WORDS_PER_SECOND words per second of it (rounded up), cycling through STAND_IN_WORDS, then ends. Silence
// gives an empty transcript, a longer answer more words.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';
import { intAttribute, model, node, scalar, tensorConstant, valueInfo } from './make-tts-test-model.ts';
import { cacheNodes, decoderInterface, jsonBytes, logitsNodes } from './stand-in-decoder.ts';
import { whisperTestModelFiles } from './make-whisper-test-model.ts';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/**
 * Where the files are committed: `<MODELS_DIR>/<org>/<model>/...`, beside the Kokoro stand-in, so the one MODELS_DIR
 * the browser specs give the proxy serves the voice and the recognizer alike.
 */
export const STT_TEST_MODELS_DIR = fileURLToPath(new URL('../src/lib/speech/tts/testdata/models/', import.meta.url));

/** The model ids the stand-ins take the place of. */
export const STT_TEST_MODEL_IDS = ['onnx-community/moonshine-base-ONNX', 'onnx-community/moonshine-tiny-ONNX'] as const;

/** A sample at least this loud (absolute value) counts as sound. */
export const SOUND_THRESHOLD = 0.02;

/** Words written per second of sound. */
export const WORDS_PER_SECOND = 3;

/** The words the stand-in writes, in this order, again and again. */
export const STAND_IN_WORDS = ['alpha', 'bravo', 'charlie', 'delta'] as const;

// Moonshine's special tokens: <unk> 0, <s> 1 (start of the decoder), </s> 2 (end).
const SPECIAL_TOKENS = ['<unk>', '<s>', '</s>'] as const;
const EOS_ID = 2;
const FIRST_WORD_ID = SPECIAL_TOKENS.length;
const VOCAB_SIZE = SPECIAL_TOKENS.length + STAND_IN_WORDS.length;
// hidden_size 2 (the seconds of sound, and 0), one layer, one head: the key/value dims are [batch, 1, length, 2].
const HIDDEN_SIZE = 2;

/** The encoder: `input_values` [batch, samples] → `last_hidden_state` [1, 1, 2] = [[[seconds of sound, 0]]]. */
export function encoderBytes(): Uint8Array {
  return model(
    'moonshine_encoder_stand_in',
    [
      node('Abs', ['input_values'], 'magnitude'),
      scalar('threshold', SOUND_THRESHOLD, 'float'),
      node('Greater', ['magnitude', 'threshold'], 'loud'),
      node('Cast', ['loud'], 'loud_f', [intAttribute('to', DataType.FLOAT)]),
      node('ReduceSum', ['loud_f'], 'loud_samples', [intAttribute('keepdims', 0)]),
      scalar('sample_rate', 16_000, 'float'),
      node('Div', ['loud_samples', 'sample_rate'], 'seconds'),
      tensorConstant('first_unit', 'float', [1, 1, HIDDEN_SIZE], [1, 0]),
      node('Mul', ['first_unit', 'seconds'], 'last_hidden_state'),
    ],
    [valueInfo('input_values', DataType.FLOAT, ['batch_size', 'num_samples'])],
    [valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'encoder_sequence_length', HIDDEN_SIZE])],
  );
}

/**
 * The merged decoder: the decoder cache grows by the input ids each step, so its length counts the tokens so far;
 * the next token is word number (length − 1) while that is below ceil(seconds × WORDS_PER_SECOND), else </s>.
 * The encoder cache is the encoder's output; the past encoder cache and `use_cache_branch` are accepted and unused.
 */
export function decoderBytes(): Uint8Array {
  const { inputs, outputs } = decoderInterface(HIDDEN_SIZE, VOCAB_SIZE);
  return model(
    'moonshine_decoder_merged_stand_in',
    [
      ...cacheNodes(),
      // How many tokens came before the next one (the start token included), and how many words the sound is worth.
      node('Shape', ['present.0.decoder.key'], 'cache_shape'),
      scalar('length_axis', 2, 'int64'),
      node('Gather', ['cache_shape', 'length_axis'], 'tokens_so_far', [intAttribute('axis', 0)]),
      scalar('one', 1, 'int64'),
      node('Sub', ['tokens_so_far', 'one'], 'word_index'),
      node('ReduceSum', ['encoder_hidden_states'], 'seconds', [intAttribute('keepdims', 0)]),
      scalar('words_per_second', WORDS_PER_SECOND, 'float'),
      node('Mul', ['seconds', 'words_per_second'], 'words_exact'),
      node('Ceil', ['words_exact'], 'words_due'),
      node('Cast', ['word_index'], 'word_index_f', [intAttribute('to', DataType.FLOAT)]),
      node('Less', ['word_index_f', 'words_due'], 'another_word'),
      scalar('word_count', STAND_IN_WORDS.length, 'int64'),
      node('Mod', ['word_index', 'word_count'], 'word_slot'),
      scalar('first_word', FIRST_WORD_ID, 'int64'),
      node('Add', ['word_slot', 'first_word'], 'word_id'),
      scalar('eos', EOS_ID, 'int64'),
      node('Where', ['another_word', 'word_id', 'eos'], 'next_id'),
      ...logitsNodes(VOCAB_SIZE),
    ],
    inputs,
    outputs,
  );
}

/** The six JSON and tokenizer files, as Moonshine's repositories have them (shrunk to the stand-in's sizes). */
function configFiles(): [string, Uint8Array][] {
  const vocab = Object.fromEntries([...SPECIAL_TOKENS, ...STAND_IN_WORDS].map((token, id) => [token, id]));
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: null,
    pre_tokenizer: { type: 'WhitespaceSplit' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: '<unk>' },
  };
  return [
    [
      'config.json',
      jsonBytes({
        architectures: ['MoonshineForConditionalGeneration'],
        model_type: 'moonshine',
        is_encoder_decoder: true,
        hidden_size: HIDDEN_SIZE,
        encoder_num_hidden_layers: 1,
        encoder_num_attention_heads: 1,
        encoder_num_key_value_heads: 1,
        decoder_num_hidden_layers: 1,
        decoder_num_attention_heads: 1,
        decoder_num_key_value_heads: 1,
        vocab_size: VOCAB_SIZE,
        max_position_embeddings: 194,
        bos_token_id: 1,
        decoder_start_token_id: 1,
        eos_token_id: EOS_ID,
      }),
    ],
    ['generation_config.json', jsonBytes({ bos_token_id: 1, decoder_start_token_id: 1, eos_token_id: EOS_ID, max_length: 194 })],
    [
      'preprocessor_config.json',
      jsonBytes({ do_normalize: false, feature_extractor_type: 'Wav2Vec2FeatureExtractor', feature_size: 1, padding_side: 'right', padding_value: 0, processor_class: 'MoonshineProcessor', return_attention_mask: true, sampling_rate: 16_000 }),
    ],
    ['tokenizer.json', jsonBytes(tokenizer)],
    ['tokenizer_config.json', jsonBytes({ bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', model_max_length: 194, tokenizer_class: 'PreTrainedTokenizer' })],
  ];
}

/** Every file of the stand-ins (Moonshine's and Whisper's), by path relative to STT_TEST_MODELS_DIR: each dtype the app may ask for (fp32, q8). */
export function sttTestModelFiles(): Map<string, Uint8Array> {
  const encoder = encoderBytes();
  const decoder = decoderBytes();
  const files = whisperTestModelFiles();
  for (const id of STT_TEST_MODEL_IDS) {
    for (const [name, bytes] of configFiles()) files.set(`${id}/${name}`, bytes);
    for (const suffix of ['', '_quantized']) {
      files.set(`${id}/onnx/encoder_model${suffix}.onnx`, encoder);
      files.set(`${id}/onnx/decoder_model_merged${suffix}.onnx`, decoder);
    }
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [relative, bytes] of sttTestModelFiles()) {
    const target = path.join(STT_TEST_MODELS_DIR, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${bytes.byteLength} bytes → ${path.relative(process.cwd(), target)}`);
  }
}
