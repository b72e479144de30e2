// Microphone audio to the page: a MediaStream through an AudioWorklet (capture.worklet.ts), in chunks of mono
// float samples at the audio context's own rate. Thin adapter; resampling happens on the page (resample.ts).
import workletUrl from './capture.worklet.ts?worker&url';

/** A running capture. */
export interface AudioCapture {
  /** The rate of the chunks (the device's, often 48 kHz). */
  readonly sampleRate: number;
  /** Resolves once the samples buffered in the worklet have been delivered. */
  flush(): Promise<void>;
  /** Stops capture and closes the audio context (the stream's tracks are the caller's). */
  stop(): Promise<void>;
}

// Warning: the worklet must be added once per AudioContext; each capture makes its own context.
const PROCESSOR = 'xquizit-capture';
const FLUSH_TIMEOUT_MS = 300;

/** Starts delivering `stream`'s audio to `onChunk`. */
export async function startCapture(stream: MediaStream, onChunk: (samples: Float32Array) => void): Promise<AudioCapture> {
  const context = new AudioContext({ latencyHint: 'interactive' });
  try {
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit' });
    // A silent path to the speakers keeps the graph pulled in every browser; nothing is heard.
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(node).connect(mute).connect(context.destination);
    const flushed: (() => void)[] = [];
    node.port.onmessage = (event: MessageEvent<Float32Array | { type: 'flushed' }>) => {
      if (event.data instanceof Float32Array) onChunk(event.data);
      else if (event.data.type === 'flushed') flushed.splice(0).forEach((resolve) => resolve());
    };
    if (context.state === 'suspended') await context.resume();
    let stopped = false;
    return {
      sampleRate: context.sampleRate,
      flush() {
        if (stopped) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
          flushed.push(() => {
            clearTimeout(timer);
            resolve();
          });
          node.port.postMessage({ type: 'flush' });
        });
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        source.disconnect();
        node.port.onmessage = null;
        await context.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
