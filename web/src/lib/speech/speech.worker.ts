// The speech worker's program: it registers one handler per model — Kokoro (the interviewer's voice), Silero (voice
// activity) and the recognizer (Moonshine or Whisper, the answer's words), each with its own protocol in its own
// folder — all on ONE ONNX Runtime, the very module transformers.js imports, and decides what may wait behind what.
// ONNX runs go one at a time.
// Warning: import the handlers and worker/runtime.ts directly, never worker/index.ts (it starts this file: the
// worker would bundle itself).
// @ts-expect-error onnxruntime-web's package "exports" name no types, so TypeScript finds none; OrtRuntime covers what is used.
import * as ortModule from 'onnxruntime-web';
import type { OrtRuntime } from './onnx/index.ts';
import { createRecognizerHandler } from './stt/engines/device/recognizer.handler.ts';
import { isSttRequest } from './stt/engines/device/recognizer.protocol.ts';
import { createSileroHandler } from './stt/silero.handler.ts';
import { isVadRequest, VadReply, type VadFromWorker, type VadToWorker } from './stt/vad.protocol.ts';
import { createKokoroHandler } from './tts/kokoro.handler.ts';
import { isTtsRequest, TtsCommand, TtsErrorCode, TtsReply, type TtsFromWorker, type TtsToWorker } from './tts/kokoro.protocol.ts';
import { createTwoLaneRunner } from './worker/lanes.ts';
import { describeError, SharedRuntime, type WorkerScope } from './worker/runtime.ts';

const runtime = new SharedRuntime(self as unknown as WorkerScope, ortModule as OrtRuntime);
const kokoro = createKokoroHandler(runtime);
const silero = createSileroHandler(runtime);
const recognizer = createRecognizerHandler(runtime);
const reply = (message: TtsFromWorker | VadFromWorker): void => runtime.post(message);

// Voice activity goes first: a frame waits at most for the one Kokoro request already running, never for the
// pieces queued behind it. A synthesis in progress still delays frames (its ONNX run blocks this thread); that is
// acceptable because the interviewer's voice stops as soon as the candidate starts answering.
const runner = createTwoLaneRunner<TtsToWorker | VadToWorker>(isVadRequest, async (message) => {
  try {
    await (isVadRequest(message) ? silero(message) : kokoro(message));
  } catch (error) {
    // A message the loop did not expect; the runner keeps going.
    if (isVadRequest(message)) reply({ type: VadReply.failed, id: message.id, message: describeError(error) });
    else reply({ type: TtsReply.failed, id: message.id, code: TtsErrorCode.worker, message: describeError(error) });
  }
});

// Kokoro's requests keep their order among themselves. Its load (a download of up to ~100 MB on first use) runs
// outside the runner, so voice-activity frames never wait for it; its syntheses go through the runner.
let kokoroChain: Promise<void> = Promise.resolve();

// The recognizer's requests keep their order on their own chain, outside the runner: a transcription is many short
// ONNX runs (the encoder, then one decoder step per token) with a yield between each, so a voice-activity frame
// waits for at most one of them, never for the whole clip.
let sttChain: Promise<void> = Promise.resolve();

runtime.scope.addEventListener('message', (event) => {
  const message = event.data;
  if (isVadRequest(message)) {
    void runner.push(message);
  } else if (isSttRequest(message)) {
    sttChain = sttChain.then(() => recognizer(message)).catch(() => undefined);
  } else if (isTtsRequest(message)) {
    kokoroChain = kokoroChain.then(() => (message.type === TtsCommand.load ? kokoro(message) : runner.push(message))).catch(() => undefined);
  } else {
    reply({ type: TtsReply.failed, id: message.id, code: TtsErrorCode.worker, message: `The voice engine does not know the request "${message.type}".` });
  }
});
