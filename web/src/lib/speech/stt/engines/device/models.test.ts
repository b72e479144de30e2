// Which model the device engine downloads for each language, and the ids the worker accepts.
import { describe, expect, it } from 'vitest';
import { deviceModelById, deviceModelFor, MOONSHINE_DTYPE, MOONSHINE_MODELS, WHISPER_BASE } from './models.ts';

describe('deviceModelFor', () => {
  it.each([
    ['en', 'base', MOONSHINE_MODELS.base, 'Moonshine base', 120_000_000],
    ['en', 'tiny', MOONSHINE_MODELS.tiny, 'Moonshine tiny', 50_000_000],
    [null, 'base', MOONSHINE_MODELS.base, 'Moonshine base', 120_000_000],
    ['de', 'base', WHISPER_BASE.id, 'Whisper base', 77_000_000],
    ['fr', 'tiny', WHISPER_BASE.id, 'Whisper base', 77_000_000],
    ['yue', 'base', WHISPER_BASE.id, 'Whisper base', 77_000_000],
  ] as const)('%s with Moonshine %s → %s', (language, size, id, label, bytes) => {
    expect(deviceModelFor(language, size)).toMatchObject({ id, label, bytes });
  });

  it('pins fp32 + q8 for Moonshine and q8 for Whisper, and names the files those weights download', () => {
    expect(deviceModelFor('en').dtype).toEqual(MOONSHINE_DTYPE);
    expect(deviceModelFor('de')).toMatchObject({ family: 'whisper', dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' }, files: ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'] });
  });
});

describe('deviceModelById', () => {
  it('knows each offered model and nothing else', () => {
    expect(deviceModelById(MOONSHINE_MODELS.tiny)?.label).toBe('Moonshine tiny');
    expect(deviceModelById(WHISPER_BASE.id)?.family).toBe('whisper');
    expect(deviceModelById('onnx-community/whisper-large-v3-turbo')).toBeUndefined();
  });
});
