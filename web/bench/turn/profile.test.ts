import { describe, expect, it } from 'vitest';
import { geminiPacing, geminiUnaryMs, PROFILE_SETTINGS, readProfile, runpodTiming } from './profile.ts';

describe('latency profile', () => {
  it('takes the published defaults when nothing is given', () => {
    const profile = readProfile([], {});
    expect(profile).toEqual({ geminiFirstTokenMs: 400, geminiTokensPerSecond: 270, geminiCharsPerChunk: 24, runpodQueueMs: 150, runpodRunMs: 100, runpodMsPerAudioSecond: 25 });
    expect(PROFILE_SETTINGS.every((setting) => setting.source.length > 0)).toBe(true);
  });

  it('prefers a flag to the environment, and the environment to the default', () => {
    const profile = readProfile(['--gemini-ttft-ms=900'], { BENCH_GEMINI_TTFT_MS: '700', BENCH_RUNPOD_QUEUE_MS: '0' });
    expect(profile.geminiFirstTokenMs).toBe(900);
    expect(profile.runpodQueueMs).toBe(0);
  });

  it('refuses a value that is not a number, negative, or a zero speed', () => {
    expect(() => readProfile(['--runpod-run-ms=fast'], {})).toThrow(/--runpod-run-ms \(BENCH_RUNPOD_RUN_MS\) must be a number/);
    expect(() => readProfile([], { BENCH_GEMINI_TTFT_MS: '-1' })).toThrow(/must be a number ≥ 0/);
    expect(() => readProfile(['--gemini-tokens-per-s=0'], {})).toThrow(/must be above 0/);
  });

  it('streams at the model’s speed: 24 characters at 270 tokens a second are 22 ms apart', () => {
    const profile = readProfile([], {});
    expect(geminiPacing('x'.repeat(100), profile)).toEqual({ chunks: 5, delayMs: 22, firstTokenMs: 400 });
    expect(geminiUnaryMs('x'.repeat(270 * 4), profile)).toBe(1400);
  });

  it('makes RunPod slower for longer clips', () => {
    const profile = readProfile([], {});
    expect(runpodTiming(4, profile)).toEqual({ queueMs: 150, runMs: 200 });
    expect(runpodTiming(30, profile).runMs).toBe(850);
  });
});
