// The RunPod engine: each clip as a WAV through the proxy's POST /api/stt/runpod to a faster-whisper worker.
import type { ApiFetch } from '../../../../api/index.ts';
import { DEFAULT_UPLOAD_POLICY } from '../../budget.ts';
import type { EnginePolicy, SpeechToTextEngine } from '../../engine.ts';
import type { WhisperModel } from '../../languages.ts';
import { SPEECH_SAMPLE_RATE } from '../../resample.ts';
import { DEFAULT_RETRY_POLICY } from '../../retry.ts';
import { loadSttSettings } from '../../settings.ts';
import { encodeWav } from '../../wav.ts';
import { describeTranscriptionError, isRetryable } from './errors.ts';
import { createTranscriber } from './transcriber.ts';

/** Two finals at once after "Done"; partials every 3 s within 1.5× the voiced audio; three tries a clip. */
export const RUNPOD_POLICY: EnginePolicy = { maxInFlight: 2, partials: DEFAULT_UPLOAD_POLICY, retry: DEFAULT_RETRY_POLICY };

/** What the RunPod engine needs: the app's API client, and the Whisper model for a clip being sent. */
export interface RunpodEngineDeps {
  apiFetch: ApiFetch;
  /** Default: the model chosen in the microphone settings at the time. */
  model?: () => WhisperModel;
}

/** The RunPod engine over the proxy. */
export function createRunpodEngine(deps: RunpodEngineDeps): SpeechToTextEngine {
  const transcribe = createTranscriber(deps.apiFetch, RUNPOD_POLICY.retry.timeoutMs);
  const model = deps.model ?? (() => loadSttSettings().model);
  return {
    kind: 'runpod',
    label: 'Whisper on RunPod',
    policy: RUNPOD_POLICY,
    transcribe: (clip, signal, onPhase) =>
      transcribe({ wav: encodeWav(clip.pcm, SPEECH_SAMPLE_RATE), model: model(), language: clip.language, prompt: clip.prompt, clipId: clip.clipId }, signal, onPhase),
    isRetryable,
    describeError: describeTranscriptionError,
  };
}
