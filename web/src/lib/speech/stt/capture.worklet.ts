// The audio thread's part of capture: mixes each 128-sample render quantum to mono and posts batches of
// CHUNK samples to the page (transferred, not copied). A `flush` message posts what is buffered, then `flushed`.
// Loaded with audioWorklet.addModule() from our own origin (CSP script-src 'self'); Vite bundles it alone.
// Warning: an AudioWorkletGlobalScope has no `self`, `window` or imports: keep this file self-contained.
export {};

interface WorkletProcessor {
  readonly port: MessagePort;
}

declare const AudioWorkletProcessor: { prototype: WorkletProcessor; new (): WorkletProcessor };
declare function registerProcessor(name: string, processor: new () => WorkletProcessor & { process(inputs: Float32Array[][]): boolean }): void;

// About 21 ms at 48 kHz (about 47 messages a second): the voice-activity model hears a pause soon after it begins, so
// an answer's last words go to be transcribed early; and "Done" loses nothing audible.
const CHUNK = 1024;

class CaptureProcessor extends AudioWorkletProcessor {
  #buffer = new Float32Array(CHUNK);
  #filled = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'flush') return;
      this.#post();
      this.port.postMessage({ type: 'flushed' });
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    const first = channels?.[0];
    if (!channels || !first) return true;
    for (let i = 0; i < first.length; i++) {
      let sum = 0;
      for (const channel of channels) sum += channel[i] ?? 0;
      this.#buffer[this.#filled++] = sum / channels.length;
      if (this.#filled === CHUNK) this.#post();
    }
    return true;
  }

  #post(): void {
    if (this.#filled === 0) return;
    const chunk = this.#filled === CHUNK ? this.#buffer : this.#buffer.slice(0, this.#filled);
    this.port.postMessage(chunk, [chunk.buffer]);
    this.#buffer = new Float32Array(CHUNK);
    this.#filled = 0;
  }
}

registerProcessor('xquizit-capture', CaptureProcessor);
