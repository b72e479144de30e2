// Tests of the speechSynthesis fallback on a fake synthesis: one utterance at a time, events, settings, stop, voice choice.
import { describe, expect, it } from 'vitest';
import type { PlaybackEvent } from './audio-queue.ts';
import { browserSpeechSynthesis, createBrowserVoice, pickVoice, type BrowserVoice, type VoiceLike } from './browser-voice.ts';
import { FakeSpeechSynthesis, FakeUtterance } from './fakes.ts';

function setup(): { synthesis: FakeSpeechSynthesis; voice: BrowserVoice; events: PlaybackEvent[]; clock: { ms: number } } {
  const synthesis = new FakeSpeechSynthesis();
  const clock = { ms: 5000 };
  const voice = createBrowserVoice({ synthesis, createUtterance: (text) => new FakeUtterance(text), now: () => clock.ms });
  const events: PlaybackEvent[] = [];
  voice.subscribe((event) => events.push(event));
  return { synthesis, voice, events, clock };
}

describe('createBrowserVoice', () => {
  it('speaks pieces one after another with the audio queue’s events', () => {
    const { synthesis, voice, events, clock } = setup();
    voice.enqueue(1, 'First piece,');
    voice.enqueue(2, 'second piece.');
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['First piece,']);
    expect(voice.busy).toBe(true);
    synthesis.startCurrent();
    clock.ms = 6000;
    synthesis.endCurrent();
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['First piece,', 'second piece.']);
    synthesis.startCurrent();
    synthesis.endCurrent();
    expect(events).toEqual([
      { type: 'start', pieceId: 1, at: 5000, durationMs: null },
      { type: 'end', pieceId: 1 },
      { type: 'start', pieceId: 2, at: 6000, durationMs: null },
      { type: 'end', pieceId: 2 },
      { type: 'idle' },
    ]);
    expect(voice.busy).toBe(false);
  });

  it('applies rate, volume, mute and language to each utterance', () => {
    const { synthesis, voice } = setup();
    voice.setSpeed(1.3);
    voice.setVolume(0.5);
    voice.enqueue(1, 'One.');
    expect(synthesis.spoken[0]).toMatchObject({ rate: 1.3, volume: 0.5, lang: 'en-US' });
    voice.setMuted(true);
    synthesis.endCurrent();
    voice.enqueue(2, 'Two.');
    expect(synthesis.spoken[1]).toMatchObject({ volume: 0 });
  });

  it('goes on after an utterance fails', () => {
    const { synthesis, voice, events } = setup();
    voice.enqueue(1, 'One.');
    voice.enqueue(2, 'Two.');
    synthesis.queue.shift()?.fire('error', { error: 'synthesis-failed' });
    expect(events).toEqual([
      { type: 'start', pieceId: 1, at: 5000, durationMs: null },
      { type: 'end', pieceId: 1 },
    ]);
    expect(synthesis.spoken[1]?.text).toBe('Two.');
  });

  it('stop() cancels at once and reports nothing more', () => {
    const { synthesis, voice, events } = setup();
    voice.enqueue(1, 'One.');
    voice.enqueue(2, 'Two.');
    synthesis.startCurrent();
    voice.stop();
    expect(synthesis.cancelCalls).toBe(1);
    expect(voice.busy).toBe(false);
    expect(events).toEqual([{ type: 'start', pieceId: 1, at: 5000, durationMs: null }]);
    expect(synthesis.spoken).toHaveLength(1);
  });

  it('dropUnstarted() keeps the utterance being spoken', () => {
    const { synthesis, voice } = setup();
    voice.enqueue(1, 'One.');
    voice.enqueue(2, 'Two.');
    voice.enqueue(3, 'Three.');
    synthesis.startCurrent();
    expect(voice.dropUnstarted()).toEqual([2, 3]);
    expect(synthesis.cancelCalls).toBe(0);
    synthesis.endCurrent();
    expect(synthesis.spoken).toHaveLength(1);
  });

  it('dropUnstarted() cancels an utterance handed over but not started', () => {
    const { synthesis, voice } = setup();
    voice.enqueue(1, 'One.');
    expect(voice.dropUnstarted()).toEqual([1]);
    expect(synthesis.cancelCalls).toBe(1);
    expect(voice.busy).toBe(false);
  });

  it('unlock() speaks a silent primer', async () => {
    const { synthesis, voice } = setup();
    await voice.unlock();
    expect(synthesis.spoken[0]).toMatchObject({ text: ' ', volume: 0 });
  });

  it('picks an English voice', () => {
    const voice = (lang: string, isDefault = false, localService = false): VoiceLike => ({ lang, default: isDefault, localService });
    const voices = [voice('de-DE', true), voice('en-GB'), voice('en-US', false, true), voice('en-US')];
    expect(pickVoice(voices, 'en-US')).toBe(voices[2]);
    expect(pickVoice([voice('de-DE'), voice('en_GB')], 'en-US')?.lang).toBe('en_GB');
    expect(pickVoice([voice('de-DE')], 'en-US')).toBeNull();
    const english = synthesisVoice('en-AU', true);
    expect(pickVoice([voice('en-US', false, true), english], 'en-US')).toBe(english);
  });
});

describe('browserSpeechSynthesis', () => {
  it('is null where the browser has no speechSynthesis', () => {
    expect(browserSpeechSynthesis({})).toBeNull();
  });
});

function synthesisVoice(lang: string, isDefault: boolean): VoiceLike {
  return { lang, default: isDefault, localService: false };
}
