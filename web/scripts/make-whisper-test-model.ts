// Writes the tiny stand-in for Whisper base (multilingual) that tests load instead of the real model: an encoder and a
// merged decoder with Whisper's exact input and output names, Whisper's special tokens, decoder prefix and generation
// config, in the Hugging Face layout. make-stt-test-models.ts writes it with the Moonshine stand-ins.
//
// What it "hears": the encoder counts the log-mel frames with sound (loud in absolute terms and well above the
// quietest frame); the decoder writes WORDS_PER_SECOND words per second of it (rounded), then <|endoftext|>. The first word
// depends on the language token of the prefix (language number mod 4), so a test can tell the language reached it.
import onnxProto from 'onnx-proto';
import { WHISPER_LANGUAGES } from '../src/lib/speech/stt/languages.ts';
import { intAttribute, model, node, scalar, tensorConstant, valueInfo } from './make-tts-test-model.ts';
import { cacheNodes, decoderInterface, jsonBytes, logitsNodes } from './stand-in-decoder.ts';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** The model id the stand-in takes the place of. */
export const WHISPER_TEST_MODEL_ID = 'onnx-community/whisper-base';

/** Words written per second of sound (as the Moonshine stand-ins). */
export const WHISPER_WORDS_PER_SECOND = 3;

/** The words the stand-in writes, again and again, starting at the language's number mod their count. */
export const WHISPER_STAND_IN_WORDS = ['alpha', 'bravo', 'charlie', 'delta'] as const;

/** The language codes in token order (Whisper's, English first). */
export const WHISPER_LANGUAGE_CODES = Object.keys(WHISPER_LANGUAGES);

/**
 * A log-mel frame counts as sound when its loudest bin is above this (Whisper's scale: (log10 power + 4) / 4; pure
 * silence is -1.5) and at least 1 (40 dB) above the quietest frame of the clip.
 */
export const SOUND_LEVEL = -0.5;

// Vocabulary: the words, then Whisper's special tokens in its own order (timestamps would follow; none is used).
const EOT = '<|endoftext|>';
const SOT = '<|startoftranscript|>';
const LANGUAGE_TOKENS = WHISPER_LANGUAGE_CODES.map((code) => `<|${code}|>`);
const TAIL_TOKENS = ['<|translate|>', '<|transcribe|>', '<|startoflm|>', '<|startofprev|>', '<|nocaptions|>', '<|notimestamps|>'] as const;
const SPECIAL_TOKENS = [EOT, SOT, ...LANGUAGE_TOKENS, ...TAIL_TOKENS];
const VOCAB = [...WHISPER_STAND_IN_WORDS, ...SPECIAL_TOKENS];
const idOf = (token: string) => VOCAB.indexOf(token);
const EOT_ID = idOf(EOT);
const FIRST_LANGUAGE_ID = idOf(LANGUAGE_TOKENS[0]!);
// <|startoftranscript|> <|lang|> <|transcribe|> <|notimestamps|>: the decoder's first step sees all four.
const PREFIX_LENGTH = 4;
// d_model 2, one layer, one head: the key/value dims are [batch, 1, length, 2].
const D_MODEL = 2;

/** The encoder: `input_features` [batch, 80, 3000] → `last_hidden_state` [1, 1, 2] = [[[seconds of sound, 0]]]. */
export function whisperEncoderBytes(): Uint8Array {
  const axes = (values: number[]) => onnx.AttributeProto.create({ name: 'axes', type: AttributeType.INTS, ints: values });
  return model(
    'whisper_encoder_stand_in',
    [
      node('ReduceMax', ['input_features'], 'frame_peaks', [axes([1]), intAttribute('keepdims', 0)]),
      node('ReduceMin', ['frame_peaks'], 'quietest', [intAttribute('keepdims', 0)]),
      node('Sub', ['frame_peaks', 'quietest'], 'above_quietest'),
      scalar('margin', 1, 'float'),
      node('Greater', ['above_quietest', 'margin'], 'stands_out'),
      scalar('level', SOUND_LEVEL, 'float'),
      node('Greater', ['frame_peaks', 'level'], 'loud'),
      node('And', ['stands_out', 'loud'], 'sound'),
      node('Cast', ['sound'], 'sound_f', [intAttribute('to', DataType.FLOAT)]),
      node('ReduceSum', ['sound_f'], 'sound_frames', [intAttribute('keepdims', 0)]),
      scalar('frames_per_second', 100, 'float'),
      node('Div', ['sound_frames', 'frames_per_second'], 'seconds'),
      tensorConstant('first_unit', 'float', [1, 1, D_MODEL], [1, 0]),
      node('Mul', ['first_unit', 'seconds'], 'last_hidden_state'),
    ],
    [valueInfo('input_features', DataType.FLOAT, ['batch_size', 80, 3000])],
    [valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'encoder_sequence_length', D_MODEL])],
  );
}

/**
 * The merged decoder: its cache keeps every input id, so its length counts the tokens so far and position 1 holds
 * the language token. The next token is a word while fewer than round(seconds × WORDS_PER_SECOND) follow the prefix,
 * else <|endoftext|>. The past encoder cache and `use_cache_branch` are accepted and unused.
 */
export function whisperDecoderBytes(): Uint8Array {
  const { inputs, outputs } = decoderInterface(D_MODEL, VOCAB.length);
  return model(
    'whisper_decoder_merged_stand_in',
    [
      ...cacheNodes(),
      // Which word comes next: the tokens after the prefix so far, shifted by the language's number.
      node('Shape', ['present.0.decoder.key'], 'cache_shape'),
      scalar('length_axis', 2, 'int64'),
      node('Gather', ['cache_shape', 'length_axis'], 'tokens_so_far', [intAttribute('axis', 0)]),
      scalar('prefix_length', PREFIX_LENGTH, 'int64'),
      node('Sub', ['tokens_so_far', 'prefix_length'], 'word_index'),
      scalar('language_position', 1, 'int64'),
      node('Gather', ['present.0.decoder.key', 'language_position'], 'language_kv', [intAttribute('axis', 2)]),
      node('ReduceMax', ['language_kv'], 'language_id_f', [intAttribute('keepdims', 0)]),
      node('Cast', ['language_id_f'], 'language_id', [intAttribute('to', DataType.INT64)]),
      scalar('first_language', FIRST_LANGUAGE_ID, 'int64'),
      node('Sub', ['language_id', 'first_language'], 'language_number'),
      node('Add', ['word_index', 'language_number'], 'word_position'),
      scalar('word_count', WHISPER_STAND_IN_WORDS.length, 'int64'),
      node('Mod', ['word_position', 'word_count'], 'word_id'),
      // How many words the sound is worth.
      node('ReduceSum', ['encoder_hidden_states'], 'seconds', [intAttribute('keepdims', 0)]),
      scalar('words_per_second', WHISPER_WORDS_PER_SECOND, 'float'),
      node('Mul', ['seconds', 'words_per_second'], 'words_exact'),
      // Round, not Ceil: the STFT window spreads a sound over about 2 frames more than it lasts.
      node('Round', ['words_exact'], 'words_due'),
      node('Cast', ['word_index'], 'word_index_f', [intAttribute('to', DataType.FLOAT)]),
      node('Less', ['word_index_f', 'words_due'], 'another_word'),
      scalar('eot', EOT_ID, 'int64'),
      node('Where', ['another_word', 'word_id', 'eot'], 'next_id'),
      ...logitsNodes(VOCAB.length),
    ],
    inputs,
    outputs,
  );
}

/** The five JSON and tokenizer files, as Whisper base's repository has them (shrunk to the stand-in's sizes). */
export function whisperConfigFiles(): [string, Uint8Array][] {
  const vocab = Object.fromEntries(VOCAB.map((token, id) => [token, id]));
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({ id: idOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: null,
    pre_tokenizer: { type: 'WhitespaceSplit' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: EOT },
  };
  const ids = { bos_token_id: EOT_ID, eos_token_id: EOT_ID, pad_token_id: EOT_ID, decoder_start_token_id: idOf(SOT) };
  return [
    [
      'config.json',
      jsonBytes({
        architectures: ['WhisperForConditionalGeneration'],
        model_type: 'whisper',
        is_encoder_decoder: true,
        d_model: D_MODEL,
        encoder_layers: 1,
        encoder_attention_heads: 1,
        decoder_layers: 1,
        decoder_attention_heads: 1,
        num_mel_bins: 80,
        max_source_positions: 1500,
        max_target_positions: 448,
        vocab_size: VOCAB.length,
        ...ids,
      }),
    ],
    [
      'generation_config.json',
      jsonBytes({
        ...ids,
        is_multilingual: true,
        lang_to_id: Object.fromEntries(LANGUAGE_TOKENS.map((token) => [token, idOf(token)])),
        task_to_id: { translate: idOf('<|translate|>'), transcribe: idOf('<|transcribe|>') },
        no_timestamps_token_id: idOf('<|notimestamps|>'),
        max_length: 448,
      }),
    ],
    [
      'preprocessor_config.json',
      jsonBytes({
        chunk_length: 30,
        feature_extractor_type: 'WhisperFeatureExtractor',
        feature_size: 80,
        hop_length: 160,
        n_fft: 400,
        n_samples: 480_000,
        nb_max_frames: 3000,
        padding_side: 'right',
        padding_value: 0,
        processor_class: 'WhisperProcessor',
        return_attention_mask: false,
        sampling_rate: 16_000,
      }),
    ],
    ['tokenizer.json', jsonBytes(tokenizer)],
    ['tokenizer_config.json', jsonBytes({ bos_token: EOT, eos_token: EOT, pad_token: EOT, unk_token: EOT, model_max_length: 448, tokenizer_class: 'WhisperTokenizer' })],
  ];
}

/** Every file of the stand-in, by path relative to the models folder: each dtype the app may ask for (fp32, q8). */
export function whisperTestModelFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of whisperConfigFiles()) files.set(`${WHISPER_TEST_MODEL_ID}/${name}`, bytes);
  const encoder = whisperEncoderBytes();
  const decoder = whisperDecoderBytes();
  for (const suffix of ['', '_quantized']) {
    files.set(`${WHISPER_TEST_MODEL_ID}/onnx/encoder_model${suffix}.onnx`, encoder);
    files.set(`${WHISPER_TEST_MODEL_ID}/onnx/decoder_model_merged${suffix}.onnx`, decoder);
  }
  return files;
}
