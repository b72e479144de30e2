// The listening pipeline of one take: microphone chunks → 16 kHz → 512-sample frames → speech probability,
// delivered in order. Frames wait (buffered) while the VAD model is still loading, so no word is lost.
import { startCapture, type AudioCapture } from './capture.ts';
import { createFramer } from './framer.ts';
import { levelOf } from './level.ts';
import { createResampler, SPEECH_SAMPLE_RATE } from './resample.ts';
import { energyProbability, type SpeechDetector } from './vad.ts';

/** A running pipeline. */
export interface Listening {
  /** Resolves once every sample captured so far went through the VAD and out. */
  flush(): Promise<void>;
  /** Frames cut but not yet through the VAD (many while its model loads, or when it falls behind). */
  readonly queuedFrames: number;
  /** Stops capture (the stream's tracks are the caller's). */
  stop(): Promise<void>;
}

/** What the pipeline reports. */
export interface ListeningHandlers {
  onFrame: (frame: Float32Array, probability: number) => void;
  /** The input level, 0..1, about 20 times a second. */
  onLevel?: (level: number) => void;
}

/** Starts the pipeline on `stream`; `detector` may still be loading. */
export async function startListening(stream: MediaStream, detector: Promise<SpeechDetector>, handlers: ListeningHandlers): Promise<Listening> {
  const framer = createFramer();
  let queue: Promise<void> = detector.then((d) => d.reset());
  let stopped = false;
  let queuedFrames = 0;
  const classify = (frame: Float32Array): void => {
    queuedFrames++;
    queue = queue.then(async () => {
      const d = await detector;
      let probability: number;
      try {
        probability = await d.probability(frame);
      } catch {
        // A runtime failure mid-answer must not lose the audio: judge this frame by loudness.
        probability = energyProbability(frame);
      }
      queuedFrames--;
      if (!stopped) handlers.onFrame(frame, probability);
    });
  };
  let resampler: ReturnType<typeof createResampler> | null = null;
  // Chunks that arrive before the capture's rate is known wait here.
  const early: Float32Array[] = [];
  const take = (chunk: Float32Array): void => {
    if (!resampler) {
      early.push(chunk);
      return;
    }
    for (const frame of framer.push(resampler.push(chunk))) classify(frame);
  };
  const capture: AudioCapture = await startCapture(stream, (chunk) => {
    handlers.onLevel?.(levelOf(chunk));
    take(chunk);
  });
  resampler = createResampler(capture.sampleRate, SPEECH_SAMPLE_RATE);
  for (const chunk of early.splice(0)) take(chunk);
  return {
    get queuedFrames() {
      return queuedFrames;
    },
    async flush() {
      await capture.flush();
      const tail = resampler?.flush();
      if (tail) for (const frame of framer.push(tail)) classify(frame);
      const last = framer.flush();
      if (last) classify(last);
      await queue;
    },
    async stop() {
      stopped = true;
      await capture.stop();
    },
  };
}
