// Table tests for where model files and voices come from.
import { describe, expect, it } from 'vitest';
import { applyModelSource, modelSourceSettings, resolveModelSource, serverHasModels, voicesBaseUrl, type TransformersSourceEnv } from './model-source.ts';

describe('modelSourceSettings', () => {
  it.each([
    ['this-server', 'http://127.0.0.1:8787', { allowLocalModels: true, allowRemoteModels: false, localModelPath: 'http://127.0.0.1:8787/models/' }],
    ['this-server', 'https://xquizit.example/', { allowLocalModels: true, allowRemoteModels: false, localModelPath: 'https://xquizit.example/models/' }],
    ['huggingface', 'http://127.0.0.1:8787', { allowLocalModels: false, allowRemoteModels: true, localModelPath: 'http://127.0.0.1:8787/models/' }],
  ] as const)('%s on %s', (source, origin, expected) => {
    expect(modelSourceSettings(source, origin)).toEqual(expected);
  });

  it('refuses a source it does not know', () => {
    expect(() => modelSourceSettings('somewhere' as never, 'http://a')).toThrow(/unexpected model source/);
  });
});

describe('applyModelSource', () => {
  it('overwrites whatever an earlier load set', () => {
    const env: TransformersSourceEnv = { allowLocalModels: true, allowRemoteModels: false, localModelPath: '/old/' };
    applyModelSource(env, modelSourceSettings('huggingface', 'http://a'));
    expect(env).toEqual({ allowLocalModels: false, allowRemoteModels: true, localModelPath: 'http://a/models/' });
  });
});

describe('voicesBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/voices/'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/voices/'],
  ])('%s → %s', (origin, url) => {
    expect(voicesBaseUrl(origin)).toBe(url);
  });
});

describe('serverHasModels', () => {
  it.each([
    [{ baseUrl: '/models/' }, true],
    [{ baseUrl: '/elsewhere/' }, false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (models, expected) => {
    expect(serverHasModels(models)).toBe(expected);
  });
});

describe('resolveModelSource', () => {
  it.each([
    ['auto', { baseUrl: '/models/' }, 'this-server'],
    ['auto', null, 'huggingface'],
    ['huggingface', { baseUrl: '/models/' }, 'huggingface'],
    ['this-server', null, 'this-server'],
  ] as const)('%s with models=%j → %s', (choice, models, expected) => {
    expect(resolveModelSource(choice, models)).toBe(expected);
  });
});
