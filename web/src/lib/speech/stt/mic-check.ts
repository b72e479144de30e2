// The setup screen's microphone check: record a few seconds, then play them back so the candidate hears
// what the interviewer's transcription will hear; and a live level meter. Thin adapters over capture.ts.
import { startCapture } from './capture.ts';
import { levelOf } from './level.ts';

/** A recording of the check. */
export interface CheckRecording {
  samples: Float32Array;
  sampleRate: number;
}

/** Shows the live level of `stream` until the returned stop() is called. */
export async function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): Promise<() => Promise<void>> {
  const capture = await startCapture(stream, (chunk) => onLevel(levelOf(chunk)));
  return () => capture.stop();
}

/** Records `seconds` of `stream`, reporting the level and the seconds left. */
export async function recordCheck(stream: MediaStream, seconds: number, onProgress: (level: number, secondsLeft: number) => void): Promise<CheckRecording> {
  const chunks: Float32Array[] = [];
  let length = 0;
  let wanted = Infinity;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const capture = await startCapture(stream, (chunk) => {
    if (length >= wanted) return;
    chunks.push(chunk);
    length += chunk.length;
    onProgress(levelOf(chunk), Math.max(0, (wanted - length) / (wanted / seconds)));
    if (length >= wanted) done();
  });
  wanted = Math.round(capture.sampleRate * seconds);
  await finished;
  await capture.stop();
  const samples = new Float32Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    samples.set(chunk, offset);
    offset += chunk.length;
  }
  return { samples: samples.subarray(0, wanted), sampleRate: capture.sampleRate };
}

/** Plays a recording through the speakers; resolves when it has finished. */
export async function playBack(recording: CheckRecording): Promise<void> {
  const context = new AudioContext();
  try {
    const buffer = context.createBuffer(1, recording.samples.length, recording.sampleRate);
    buffer.copyToChannel(Float32Array.from(recording.samples), 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    const ended = new Promise<void>((resolve) => (source.onended = () => resolve()));
    if (context.state === 'suspended') await context.resume();
    source.start();
    await ended;
  } finally {
    await context.close().catch(() => undefined);
  }
}
