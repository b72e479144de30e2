// Table tests for folding transformers.js progress events and summing files.
import { describe, expect, it } from 'vitest';
import { applyProgressEvent, summarizeProgress, type FileProgress, type TransformersProgressEvent } from './progress.ts';

const fold = (events: TransformersProgressEvent[]) => events.reduce<readonly FileProgress[]>((files, event) => applyProgressEvent(files, event), []);

describe('applyProgressEvent', () => {
  it('follows a download from initiate to done, one entry per file, in first-seen order', () => {
    expect(
      fold([
        { status: 'initiate', file: 'config.json' },
        { status: 'initiate', file: 'onnx/model_quantized.onnx' },
        { status: 'download', file: 'onnx/model_quantized.onnx' },
        { status: 'progress', file: 'onnx/model_quantized.onnx', loaded: 10, total: 100 },
        { status: 'progress', file: 'config.json', loaded: 44, total: 44 },
        { status: 'done', file: 'config.json' },
        { status: 'progress', file: 'onnx/model_quantized.onnx', loaded: 60, total: 100 },
      ]),
    ).toEqual([
      { file: 'config.json', loaded: 44, total: 44 },
      { file: 'onnx/model_quantized.onnx', loaded: 60, total: 100 },
    ]);
  });

  it.each([
    ['done without any progress (read from disk)', [{ status: 'initiate', file: 'a' }, { status: 'done', file: 'a' }], [{ file: 'a', loaded: 0, total: 0 }]],
    ['progress without a known total', [{ status: 'progress', file: 'a', loaded: 5, total: 0 }], [{ file: 'a', loaded: 5, total: 5 }]],
    ['done after a size-less progress', [{ status: 'progress', file: 'a', loaded: 7 }, { status: 'done', file: 'a' }], [{ file: 'a', loaded: 7, total: 7 }]],
    ['nonsense numbers', [{ status: 'progress', file: 'a', loaded: Number.NaN, total: -3 }], [{ file: 'a', loaded: 0, total: 0 }]],
    ['a progress that arrives before initiate', [{ status: 'progress', file: 'a', loaded: 1, total: 2 }, { status: 'initiate', file: 'a' }], [{ file: 'a', loaded: 1, total: 2 }]],
  ] as [string, TransformersProgressEvent[], FileProgress[]][])('%s', (_, events, expected) => {
    expect(fold(events)).toEqual(expected);
  });

  it.each([
    { status: 'ready' },
    { status: 'download', file: 'a' },
    { status: 'initiate', file: 'a' },
    { status: 'progress', file: 'a', loaded: 1, total: 2 },
    { status: 'progress' },
  ] as TransformersProgressEvent[])('returns the same list when %j changes nothing', (event) => {
    const files: readonly FileProgress[] = [{ file: 'a', loaded: 1, total: 2 }];
    expect(applyProgressEvent(files, event)).toBe(files);
  });
});

describe('summarizeProgress', () => {
  it.each([
    [[], { loaded: 0, total: 0, percent: 0 }],
    [[{ file: 'a', loaded: 0, total: 0 }], { loaded: 0, total: 0, percent: 0 }],
    [[{ file: 'a', loaded: 50, total: 100 }, { file: 'b', loaded: 0, total: 100 }], { loaded: 50, total: 200, percent: 25 }],
    [[{ file: 'a', loaded: 999, total: 1000 }], { loaded: 999, total: 1000, percent: 99 }],
    [[{ file: 'a', loaded: 99_999, total: 100_000 }], { loaded: 99_999, total: 100_000, percent: 99 }],
    [[{ file: 'a', loaded: 44, total: 44 }, { file: 'b', loaded: 90, total: 90 }], { loaded: 134, total: 134, percent: 100 }],
    [[{ file: 'a', loaded: 30, total: 10 }], { loaded: 30, total: 30, percent: 100 }],
  ] as [FileProgress[], object][])('%j → %j', (files, expected) => {
    expect(summarizeProgress(files)).toEqual(expected);
  });
});
