// What the Moonshine and Whisper stand-in decoders share: the merged decoder's inputs and outputs (one layer, one head,
// `past_key_values.0.*` in, `present.0.*` and `logits` out), the cache that keeps every input id (so its length counts
// the tokens so far), and the tail that turns the chosen `next_id` into logits. Each stand-in adds its own choice.
import onnxProto from 'onnx-proto';
import { intAttribute, node, scalar, tensorConstant, valueInfo } from './make-tts-test-model.ts';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
type NodeProto = InstanceType<typeof onnx.NodeProto>;
type ValueInfoProto = InstanceType<typeof onnx.ValueInfoProto>;

/** A Concat node along `axis`. */
export function concat(input: string[], output: string, axis: number): NodeProto {
  return onnx.NodeProto.create({ opType: 'Concat', input, output: [output], attribute: [intAttribute('axis', axis)] });
}

/**
 * The cache: each step's input ids join `present.0.decoder.*` (as floats, on both halves of the hidden dim), and the
 * encoder's output becomes `present.0.encoder.*`.
 */
export function cacheNodes(): NodeProto[] {
  return [
    node('Cast', ['input_ids'], 'ids_f', [intAttribute('to', DataType.FLOAT)]),
    tensorConstant('kv_axes', 'int64', [2], [1, 3]),
    node('Unsqueeze', ['ids_f', 'kv_axes'], 'ids_kv_half'),
    concat(['ids_kv_half', 'ids_kv_half'], 'new_kv', 3),
    concat(['past_key_values.0.decoder.key', 'new_kv'], 'present.0.decoder.key', 2),
    concat(['past_key_values.0.decoder.value', 'new_kv'], 'present.0.decoder.value', 2),
    tensorConstant('head_axis', 'int64', [1], [1]),
    node('Unsqueeze', ['encoder_hidden_states', 'head_axis'], 'present.0.encoder.key'),
    node('Unsqueeze', ['encoder_hidden_states', 'head_axis'], 'present.0.encoder.value'),
  ];
}

/** The logits: `next_id` (an int64 scalar) gets 10 and every other token 0, at each input position. */
export function logitsNodes(vocabSize: number): NodeProto[] {
  return [
    tensorConstant('vocab_ids', 'int64', [vocabSize], Array.from({ length: vocabSize }, (_, id) => id)),
    node('Equal', ['vocab_ids', 'next_id'], 'is_next'),
    node('Cast', ['is_next'], 'is_next_f', [intAttribute('to', DataType.FLOAT)]),
    scalar('confidence', 10, 'float'),
    node('Mul', ['is_next_f', 'confidence'], 'step_logits'),
    node('Shape', ['input_ids'], 'ids_shape'),
    tensorConstant('vocab_dim', 'int64', [1], [vocabSize]),
    concat(['ids_shape', 'vocab_dim'], 'logits_shape', 0),
    node('Expand', ['step_logits', 'logits_shape'], 'logits'),
  ];
}

/** The merged decoder's inputs and outputs, with the real models' names, for a hidden size and a vocabulary. */
export function decoderInterface(hiddenSize: number, vocabSize: number): { inputs: ValueInfoProto[]; outputs: ValueInfoProto[] } {
  const kvDims = (length: string) => ['batch_size', 1, length, hiddenSize];
  return {
    inputs: [
      valueInfo('input_ids', DataType.INT64, ['batch_size', 'decoder_sequence_length']),
      valueInfo('encoder_hidden_states', DataType.FLOAT, ['batch_size', 'encoder_sequence_length', hiddenSize]),
      valueInfo('past_key_values.0.decoder.key', DataType.FLOAT, kvDims('past_decoder_sequence_length')),
      valueInfo('past_key_values.0.decoder.value', DataType.FLOAT, kvDims('past_decoder_sequence_length')),
      valueInfo('past_key_values.0.encoder.key', DataType.FLOAT, kvDims('encoder_sequence_length_out')),
      valueInfo('past_key_values.0.encoder.value', DataType.FLOAT, kvDims('encoder_sequence_length_out')),
      valueInfo('use_cache_branch', DataType.BOOL, [1]),
    ],
    outputs: [
      valueInfo('logits', DataType.FLOAT, ['batch_size', 'decoder_sequence_length', vocabSize]),
      valueInfo('present.0.decoder.key', DataType.FLOAT, kvDims('present_decoder_sequence_length')),
      valueInfo('present.0.decoder.value', DataType.FLOAT, kvDims('present_decoder_sequence_length')),
      valueInfo('present.0.encoder.key', DataType.FLOAT, kvDims('encoder_sequence_length_out')),
      valueInfo('present.0.encoder.value', DataType.FLOAT, kvDims('encoder_sequence_length_out')),
    ],
  };
}

/** A JSON file's bytes, as the stand-ins write them (two-space indent, final newline). */
export const jsonBytes = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
