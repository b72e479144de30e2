// Writes the tiny stand-in for Kokoro that tests load instead of the real 82M model: an ONNX graph with Kokoro's exact
// inputs and output, a char-level tokenizer and a config. Run from web/: npx tsx scripts/make-tts-test-model.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Where the files are committed: transformers.js' local layout, `<localModelPath>/<model id>/...`. */
export const TTS_TEST_MODELS_DIR = fileURLToPath(new URL('../src/lib/speech/tts/testdata/models/', import.meta.url));

/** The model id folder inside TTS_TEST_MODELS_DIR (KOKORO_MODEL_ID). */
export const TTS_TEST_MODEL_ID = 'onnx-community/Kokoro-82M-v1.0-ONNX';

/** Samples the stand-in writes per input token at speed 1 (25 ms at 24 kHz). */
export const SAMPLES_PER_TOKEN = 600;

// Kokoro v1.0's phoneme vocabulary (ids as in its config); `$` is the pad/boundary token added on both ends.
const VOCAB_CHARS: readonly [string, number][] = [
  ['$', 0], [';', 1], [':', 2], [',', 3], ['.', 4], ['!', 5], ['?', 6], ['—', 9], ['…', 10], ['"', 11], ['(', 12], [')', 13],
  ['“', 14], ['”', 15], [' ', 16], ['\u0303', 17], ['ʣ', 18], ['ʥ', 19], ['ʦ', 20], ['ʨ', 21], ['ᵝ', 22], ['\uAB67', 23],
  ['A', 24], ['I', 25], ['O', 31], ['Q', 33], ['S', 35], ['T', 36], ['W', 39], ['Y', 41], ['ᵊ', 42], ['a', 43], ['b', 44],
  ['c', 45], ['d', 46], ['e', 47], ['f', 48], ['h', 50], ['i', 51], ['j', 52], ['k', 53], ['l', 54], ['m', 55], ['n', 56],
  ['o', 57], ['p', 58], ['q', 59], ['r', 60], ['s', 61], ['t', 62], ['u', 63], ['v', 64], ['w', 65], ['x', 66], ['y', 67],
  ['z', 68], ['ɑ', 69], ['ɐ', 70], ['ɒ', 71], ['æ', 72], ['β', 75], ['ɔ', 76], ['ɕ', 77], ['ç', 78], ['ɖ', 80], ['ð', 81],
  ['ʤ', 82], ['ə', 83], ['ɚ', 85], ['ɛ', 86], ['ɜ', 87], ['ɟ', 90], ['ɡ', 92], ['ɥ', 99], ['ɨ', 101], ['ɪ', 102], ['ʝ', 103],
  ['ɯ', 110], ['ɰ', 111], ['ŋ', 112], ['ɳ', 113], ['ɲ', 114], ['ɴ', 115], ['ø', 116], ['ɸ', 118], ['θ', 119], ['œ', 120],
  ['ɹ', 123], ['ɾ', 125], ['ɻ', 126], ['ʁ', 128], ['ɽ', 129], ['ʂ', 130], ['ʃ', 131], ['ʈ', 132], ['ʧ', 133], ['ʊ', 135],
  ['ʋ', 136], ['ʌ', 138], ['ɣ', 139], ['ɤ', 140], ['χ', 142], ['ʎ', 143], ['ʒ', 147], ['ʔ', 148], ['ˈ', 156], ['ˌ', 157],
  ['ː', 158], ['ʰ', 162], ['ʲ', 164], ['↓', 169], ['→', 171], ['↗', 172], ['↘', 173], ['ᵻ', 177],
];

const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

// Warning: IR 8 / opset 13 on purpose: onnxruntime-node 1.21 and onnxruntime-web 1.22 both accept them.
/** An ONNX model of one graph. */
export function model(name: string, nodes: InstanceType<typeof onnx.NodeProto>[], input: InstanceType<typeof onnx.ValueInfoProto>[], output: InstanceType<typeof onnx.ValueInfoProto>[]): Uint8Array {
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'xquizit make-stt-test-models',
    opsetImport: [{ domain: '', version: 13 }],
    graph: { name, node: nodes, input, output },
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** A Constant node holding a float or int64 tensor. */
export function tensorConstant(name: string, dataType: 'float' | 'int64', dims: number[], values: number[]) {
  const t = dataType === 'float' ? { name, dataType: DataType.FLOAT, dims, floatData: values } : { name, dataType: DataType.INT64, dims, int64Data: values };
  return onnx.NodeProto.create({ opType: 'Constant', output: [name], attribute: [{ name: 'value', type: AttributeType.TENSOR, t }] });
}

/** A Constant node holding one float or int64 scalar. */
export function scalar(name: string, value: number, dataType: 'float' | 'int64'): InstanceType<typeof onnx.NodeProto> {
  const tensor =
    dataType === 'float'
      ? { name, dataType: DataType.FLOAT, dims: [], floatData: [value] }
      : { name, dataType: DataType.INT64, dims: [], int64Data: [value] };
  return onnx.NodeProto.create({ opType: 'Constant', output: [name], attribute: [{ name: 'value', type: AttributeType.TENSOR, t: tensor }] });
}

/** One graph node with a single output. */
export function node(opType: string, input: string[], output: string, attribute: InstanceType<typeof onnx.AttributeProto>[] = []) {
  return onnx.NodeProto.create({ opType, input, output: [output], attribute });
}

/** An INT attribute. */
export function intAttribute(name: string, value: number) {
  return onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value });
}

/** A graph input or output: its element type and dims (numbers fixed, strings symbolic). */
export function valueInfo(name: string, elemType: number, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) } } },
  });
}

/**
 * The graph: `waveform[i] = 0.3 * sin(i * (0.06 + |Σ style| / 1000))` for i in [0, T * 600 / speed), where T is the
 * number of token ids. Longer text gives longer audio, faster speed shorter audio, another voice another pitch.
 * Warning: IR 8 / opset 13 on purpose: onnxruntime-node 1.21 and onnxruntime-web 1.22 both accept them.
 */
export function ttsTestModelBytes(): Uint8Array {
  const nodes = [
    node('Shape', ['input_ids'], 'ids_shape'),
    scalar('one_index', 1, 'int64'),
    node('Gather', ['ids_shape', 'one_index'], 'token_count', [intAttribute('axis', 0)]),
    node('Cast', ['token_count'], 'token_count_f', [intAttribute('to', DataType.FLOAT)]),
    scalar('samples_per_token', SAMPLES_PER_TOKEN, 'float'),
    node('Mul', ['token_count_f', 'samples_per_token'], 'samples_at_speed_1'),
    node('Div', ['samples_at_speed_1', 'speed'], 'samples_1d'),
    node('ReduceSum', ['samples_1d'], 'samples', [intAttribute('keepdims', 0)]),
    scalar('zero', 0, 'float'),
    scalar('step', 1, 'float'),
    node('Range', ['zero', 'samples', 'step'], 'sample_index'),
    node('ReduceSum', ['style'], 'style_sum', [intAttribute('keepdims', 0)]),
    node('Abs', ['style_sum'], 'style_size'),
    scalar('per_style', 0.001, 'float'),
    node('Mul', ['style_size', 'per_style'], 'style_shift'),
    scalar('base_step', 0.06, 'float'),
    node('Add', ['style_shift', 'base_step'], 'radians_per_sample'),
    node('Mul', ['sample_index', 'radians_per_sample'], 'phase'),
    node('Sin', ['phase'], 'tone'),
    scalar('volume', 0.3, 'float'),
    node('Mul', ['tone', 'volume'], 'waveform'),
  ];
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'xquizit make-tts-test-model',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'kokoro_stand_in',
      node: nodes,
      input: [valueInfo('input_ids', DataType.INT64, [1, 'sequence_length']), valueInfo('style', DataType.FLOAT, [1, 256]), valueInfo('speed', DataType.FLOAT, [1])],
      output: [valueInfo('waveform', DataType.FLOAT, ['num_samples'])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** A regex character class matching every character outside the vocabulary. */
function outsideVocabPattern(): string {
  const escaped = VOCAB_CHARS.map(([char]) => (/[\\\]^-]/.test(char) ? `\\${char}` : char)).join('');
  return `[^${escaped}]`;
}

/**
 * Kokoro's tokenizer shape: drop every character outside the vocabulary (so unknown input never reaches the model),
 * split into single characters, look each up, and put `$` on both ends.
 */
export function ttsTestTokenizer(): { tokenizer: string; tokenizerConfig: string } {
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: '$', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: { type: 'Replace', pattern: { Regex: outsideVocabPattern() }, content: '' },
    pre_tokenizer: { type: 'Split', pattern: { Regex: '' }, behavior: 'Isolated', invert: false },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '$', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '$', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '$', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '$', type_id: 0 } }],
      special_tokens: { $: { id: '$', ids: [0], tokens: ['$'] } },
    },
    decoder: null,
    model: { type: 'WordLevel', vocab: Object.fromEntries(VOCAB_CHARS), unk_token: '$' },
  };
  const tokenizerConfig = { model_max_length: 512, pad_token: '$', tokenizer_class: 'PreTrainedTokenizer', unk_token: '$' };
  return { tokenizer: `${JSON.stringify(tokenizer, null, 2)}\n`, tokenizerConfig: `${JSON.stringify(tokenizerConfig, null, 2)}\n` };
}

/** Every file of the stand-in, by path relative to TTS_TEST_MODELS_DIR. fp32 and q8 are the same graph. */
export function ttsTestModelFiles(): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const model = ttsTestModelBytes();
  const { tokenizer, tokenizerConfig } = ttsTestTokenizer();
  const config = `${JSON.stringify({ model_type: 'style_text_to_speech_2' }, null, 2)}\n`;
  return new Map([
    [`${TTS_TEST_MODEL_ID}/config.json`, encoder.encode(config)],
    [`${TTS_TEST_MODEL_ID}/tokenizer.json`, encoder.encode(tokenizer)],
    [`${TTS_TEST_MODEL_ID}/tokenizer_config.json`, encoder.encode(tokenizerConfig)],
    [`${TTS_TEST_MODEL_ID}/onnx/model.onnx`, model],
    [`${TTS_TEST_MODEL_ID}/onnx/model_quantized.onnx`, model],
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [relative, bytes] of ttsTestModelFiles()) {
    const target = path.join(TTS_TEST_MODELS_DIR, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${bytes.byteLength} bytes → ${path.relative(process.cwd(), target)}`);
  }
}
