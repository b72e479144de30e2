// Service worker registration with a fake Workbox: when it is skipped, and the waiting → reload flow.
import { describe, expect, it, vi } from 'vitest';
import { PwaState } from './pwa-state.svelte.ts';
import { registerServiceWorker, SERVICE_WORKER_URL, type UpdatableWorker } from './register.ts';

class FakeWorker implements UpdatableWorker {
  readonly listeners = new Map<string, (() => void)[]>();
  readonly skipWaiting = vi.fn();
  constructor(
    readonly url: string,
    private readonly registration: Promise<unknown> = Promise.resolve({}),
  ) {}
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  register(): Promise<unknown> {
    return this.registration;
  }
  messageSkipWaiting(): void {
    this.skipWaiting();
  }
  emit(type: 'waiting' | 'controlling'): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

const container = {} as ServiceWorkerContainer;

function register(options: { dev?: boolean; container?: ServiceWorkerContainer; registration?: Promise<unknown> } = {}) {
  const state = new PwaState();
  const reload = vi.fn();
  let worker: FakeWorker | undefined;
  const result = registerServiceWorker({
    state,
    dev: options.dev ?? false,
    container: 'container' in options ? options.container : container,
    reload,
    createWorker: (url) => (worker = new FakeWorker(url, options.registration)),
  });
  return { state, reload, result, worker };
}

describe('registerServiceWorker', () => {
  it.each([
    ['in dev', { dev: true }],
    ['without service worker support', { container: undefined }],
  ])('is skipped %s', (_name, options) => {
    const { result, worker } = register(options);
    expect(result).toBeNull();
    expect(worker).toBeUndefined();
  });

  it('registers /sw.js', () => {
    const { result, worker } = register();
    expect(result).toBe(worker);
    expect(worker?.url).toBe(SERVICE_WORKER_URL);
    expect(SERVICE_WORKER_URL).toBe('/sw.js');
  });

  it('offers a waiting version, then skips waiting and reloads once it controls', () => {
    const { state, reload, worker } = register();
    worker!.emit('waiting');
    expect(state.updateAvailable).toBe(true);
    expect(worker!.skipWaiting).not.toHaveBeenCalled();
    state.applyUpdate();
    expect(worker!.skipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    worker!.emit('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload on controlling unless the user asked for the update', () => {
    const { reload, worker } = register();
    worker!.emit('controlling');
    expect(reload).not.toHaveBeenCalled();
  });

  it('warns instead of failing when registration is refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    register({ registration: Promise.reject(new TypeError('refused')) });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('xquizit: service worker registration failed', expect.any(TypeError)));
    warn.mockRestore();
  });
});
