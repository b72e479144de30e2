// Which engine an answer uses: the candidate's choice in the microphone setup, held to what this server offers.
import type { SttEngineKind } from '../engine.ts';
import { loadSttSettings } from '../settings.ts';

/** RunPod only when the candidate prefers it and the server has it set up; this device otherwise. */
export function engineToUse(preferred: SttEngineKind, serverHasRunpod: boolean): SttEngineKind {
  return preferred === 'runpod' && serverHasRunpod ? 'runpod' : 'device';
}

/** The engine the candidate chose in the microphone setup (their saved settings; RunPod until they choose). */
export function preferredEngine(): SttEngineKind {
  return loadSttSettings().engine;
}
