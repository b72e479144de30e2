// Table tests for reading Gemini GenerateContentResponse payloads leniently.
import { describe, expect, it } from 'vitest';
import { parseSse } from '../sse.ts';
import { fixtureEventTexts, GEMINI_FIXTURES, readGeminiFixture } from '../testdata/fixtures.ts';
import { geminiFinish, readGeminiResponse } from './response.ts';

const parts = (...list: unknown[]) => ({ candidates: [{ content: { parts: list, role: 'model' } }] });

describe('readGeminiResponse', () => {
  it.each([
    ['one text part', parts({ text: 'Hi' }), { text: 'Hi' }],
    ['text parts joined', parts({ text: 'Hello, ' }, { text: 'world' }), { text: 'Hello, world' }],
    ['thought parts left out', parts({ text: 'pondering…', thought: true }, { text: 'Answer' }), { text: 'Answer' }],
    ['thought: false kept', parts({ text: 'A', thought: false }), { text: 'A' }],
    ['non-text parts skipped', parts({ functionCall: { name: 'f' } }, { inlineData: {} }, { text: 'B' }), { text: 'B' }],
    ['a part whose text is not a string skipped', parts({ text: 5 }, { text: 'C' }), { text: 'C' }],
    ['finish reason', { candidates: [{ content: { parts: [{ text: 'x' }] }, finishReason: 'MAX_TOKENS' }] }, { text: 'x', finishReason: 'MAX_TOKENS' }],
    ['a final chunk with only a finish reason', { candidates: [{ finishReason: 'STOP' }], usageMetadata: {} }, { text: '', finishReason: 'STOP' }],
    ['only the first candidate read', { candidates: [{ content: { parts: [{ text: 'one' }] } }, { content: { parts: [{ text: 'two' }] } }] }, { text: 'one' }],
    ['no candidates (usage only)', { usageMetadata: { totalTokenCount: 3 } }, { text: '' }],
    ['empty candidates', { candidates: [] }, { text: '' }],
    ['candidates of the wrong type treated as absent', { candidates: 'x' }, { text: '' }],
    ['content without parts', { candidates: [{ content: { role: 'model' } }] }, { text: '' }],
    ['finishReason of the wrong type ignored', { candidates: [{ content: { parts: [{ text: 'y' }] }, finishReason: 3 }] }, { text: 'y' }],
    ['blocked prompt', { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] } }, { text: '', blockReason: 'SAFETY' }],
    ['promptFeedback without a block', { promptFeedback: { safetyRatings: [] }, ...parts({ text: 'z' }) }, { text: 'z' }],
    [
      'an error object in the stream',
      { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
      { text: '', error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
    ],
  ])('%s', (_name, body, expected) => {
    expect(readGeminiResponse(body)).toEqual(expected);
  });

  it.each([['null', null], ['a string', 'data'], ['a number', 1], ['an array', [1]]])('refuses %s', (_name, body) => {
    expect(readGeminiResponse(body)).toBeUndefined();
  });
});

describe('the captured streams', () => {
  it.each(GEMINI_FIXTURES)('reads every event of %s', async (name) => {
    const bytes = await readGeminiFixture(name);
    const chunks = parseSse(bytes).map((payload) => readGeminiResponse(JSON.parse(payload)));
    expect(chunks.map((chunk) => chunk?.text)).toEqual(fixtureEventTexts(bytes));
    expect(chunks.at(-1)?.finishReason).toBe(name.includes('safety') ? 'SAFETY' : 'STOP');
  });
});

describe('geminiFinish', () => {
  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'safety'],
    ['PROHIBITED_CONTENT', 'safety'],
    ['BLOCKLIST', 'safety'],
    ['SPII', 'safety'],
    ['IMAGE_SAFETY', 'safety'],
    ['RECITATION', 'recitation'],
    ['OTHER', 'other'],
    ['MALFORMED_FUNCTION_CALL', 'other'],
  ])('%s → %s', (raw, reason) => {
    expect(geminiFinish(raw)).toEqual({ reason, raw });
  });
});
