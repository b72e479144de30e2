// PwaState driven by a plain EventTarget: offline tracking, the stashed install prompt, updates.
import { describe, expect, it, vi } from 'vitest';
import { PwaState } from './pwa-state.svelte.ts';

function installPrompt(outcome: 'accepted' | 'dismissed') {
  const prompt = vi.fn(async () => undefined);
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt,
    userChoice: Promise.resolve({ outcome }),
  });
  return { event, prompt };
}

function connected(online = true) {
  const events = new EventTarget();
  const state = new PwaState();
  const disconnect = state.connect({ events, isOnline: () => online });
  return { events, state, disconnect };
}

describe('PwaState offline', () => {
  it('starts from navigator.onLine and follows online/offline events', () => {
    const { events, state } = connected(false);
    expect(state.offline).toBe(true);
    events.dispatchEvent(new Event('online'));
    expect(state.offline).toBe(false);
    events.dispatchEvent(new Event('offline'));
    expect(state.offline).toBe(true);
  });

  it('stops listening once disconnected', () => {
    const { events, state, disconnect } = connected();
    disconnect();
    events.dispatchEvent(new Event('offline'));
    expect(state.offline).toBe(false);
  });
});

describe('PwaState install', () => {
  it('cannot install until the browser offers it', async () => {
    const { state } = connected();
    expect(state.canInstall).toBe(false);
    expect(await state.install()).toBe('unavailable');
  });

  it('stashes the prompt, suppressing the browser default', () => {
    const { events, state } = connected();
    const { event } = installPrompt('accepted');
    events.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(state.canInstall).toBe(true);
  });

  it('ignores a beforeinstallprompt without the prompt API', () => {
    const { events, state } = connected();
    events.dispatchEvent(new Event('beforeinstallprompt'));
    expect(state.canInstall).toBe(false);
  });

  it.each(['accepted', 'dismissed'] as const)('prompts once and reports %s', async (outcome) => {
    const { events, state } = connected();
    const { event, prompt } = installPrompt(outcome);
    events.dispatchEvent(event);
    expect(await state.install()).toBe(outcome);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(state.canInstall).toBe(false);
    expect(await state.install()).toBe('unavailable');
  });

  it('forgets the prompt when the app gets installed another way', () => {
    const { events, state } = connected();
    events.dispatchEvent(installPrompt('accepted').event);
    events.dispatchEvent(new Event('appinstalled'));
    expect(state.canInstall).toBe(false);
  });
});

describe('PwaState update', () => {
  it('offers an update and applies it once', () => {
    const { state } = connected();
    const apply = vi.fn();
    expect(state.updateAvailable).toBe(false);
    state.offerUpdate(apply);
    expect(state.updateAvailable).toBe(true);
    state.applyUpdate();
    state.applyUpdate();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(state.updateAvailable).toBe(false);
  });

  it('does nothing when no update waits', () => {
    const { state } = connected();
    expect(() => state.applyUpdate()).not.toThrow();
    expect(state.updateAvailable).toBe(false);
  });
});
