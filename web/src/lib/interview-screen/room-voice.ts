// The interviewer's voice for as long as the interview room is shown: its timings reported, played after the first
// tap or key press (a resumed interview had none yet), loaded early, and stopped when the room goes.
import type { SpeechTiming } from '../interview/index.ts';
import type { InterviewerVoice } from '../speech/tts/index.ts';

/** Attaches the voice to the room; returns what detaches it. */
export function attachRoomVoice(voice: InterviewerVoice, onTiming: (timing: SpeechTiming) => void): () => void {
  const disconnect = voice.connect(onTiming);
  const stopListening = () => {
    document.removeEventListener('pointerdown', unlock, true);
    document.removeEventListener('keydown', unlock, true);
  };
  function unlock(): void {
    voice.unlock().then(stopListening, () => undefined);
  }
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('keydown', unlock, true);
  voice.prepare();
  return () => {
    disconnect();
    voice.stop();
    stopListening();
  };
}
