// Table tests for the retry plan: which failures are retried, backoff with jitter, server hints, abortable sleep.
import { describe, expect, it } from 'vitest';
import { LlmError, type LlmErrorKind } from './errors.ts';
import { MAX_HINTED_DELAY_MS, planRetry, sleep } from './retry.ts';

describe('planRetry', () => {
  it.each<[LlmErrorKind, boolean]>([
    ['rate-limited', true],
    ['unavailable', true],
    ['network', true],
    ['safety', false],
    ['recitation', false],
    ['max-tokens', false],
    ['empty', false],
    ['bad-request', false],
    ['unauthorized', false],
    ['not-configured', false],
    ['forbidden', false],
    ['aborted', false],
  ])('%s retried: %s', (kind, retried) => {
    const plan = planRetry(new LlmError(kind, 'm'), 0, 3, () => 0);
    expect(plan).toEqual(retried ? { attempt: 1, delayMs: 500, reason: kind } : undefined);
  });

  it('stops after maxRetries', () => {
    const error = new LlmError('unavailable', 'm');
    expect(planRetry(error, 2, 3, () => 0)).toEqual({ attempt: 3, delayMs: 2000, reason: 'unavailable' });
    expect(planRetry(error, 3, 3)).toBeUndefined();
    expect(planRetry(error, 0, 0)).toBeUndefined();
  });

  it('never retries once text was yielded', () => {
    expect(planRetry(new LlmError('network', 'm', { partial: true }), 0, 3)).toBeUndefined();
  });

  it('waits as long as the server asked, without jitter', () => {
    expect(planRetry(new LlmError('rate-limited', 'm', { retryAfterMs: 7000 }), 1, 3)).toEqual({ attempt: 2, delayMs: 7000, reason: 'rate-limited' });
  });

  it('gives up at once when the server asks for a longer wait than is worth sitting through', () => {
    expect(planRetry(new LlmError('rate-limited', 'm', { retryAfterMs: MAX_HINTED_DELAY_MS + 1 }), 0, 3)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('resolves after the time', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('rejects at once for an aborted signal', async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
