// The speech worker's handler for Silero (voice activity in the candidate's answer): load, one frame's probability, reset.
import { assertNever } from '../../common/index.ts';
import { describeError, type SharedRuntime } from '../worker/runtime.ts';
import { VadCommand, VadReply, type VadFromWorker, type VadToWorker } from './vad.protocol.ts';
import { SILERO_MODEL_PATH, createSileroDetector, type SpeechDetector } from './vad.ts';

/** Silero's handler: the model is fetched from the page's origin once. */
export function createSileroHandler(runtime: SharedRuntime): (message: VadToWorker) => Promise<void> {
  let vad: SpeechDetector | null = null;
  const reply = (message: VadFromWorker): void => runtime.post(message);

  return async (message) => {
    switch (message.type) {
      case VadCommand.load: {
        const { id, origin } = message;
        try {
          if (!vad) {
            runtime.configure(runtime.ort.env, origin);
            const response = await fetch(`${origin}${SILERO_MODEL_PATH}`);
            if (!response.ok) throw new Error(`the voice activity model answered ${response.status}`);
            vad = await createSileroDetector(runtime.ort, await response.arrayBuffer());
            runtime.started();
          }
          reply({ type: VadReply.loaded, id });
        } catch (error) {
          reply({ type: VadReply.failed, id, message: describeError(error) });
        }
        return;
      }
      case VadCommand.frame: {
        const { id, frame } = message;
        if (!vad) {
          reply({ type: VadReply.failed, id, message: 'The voice activity model is not loaded.' });
          return;
        }
        try {
          reply({ type: VadReply.probability, id, probability: await vad.probability(frame) });
        } catch (error) {
          reply({ type: VadReply.failed, id, message: describeError(error) });
        }
        return;
      }
      case VadCommand.reset:
        vad?.reset();
        return;
      default:
        return assertNever(message, 'command');
    }
  };
}
