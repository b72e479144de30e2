// The microphone: permission state, the list of microphones, opening one with speech processing on, and every
// way that can fail, told in plain words with what to do (typed answers always keep working).

/** Why the microphone is not available. */
export type MicProblemKind = 'denied' | 'no-device' | 'busy' | 'unsupported' | 'failed';

/** A microphone problem as the candidate reads it. */
export interface MicProblem {
  kind: MicProblemKind;
  message: string;
}

/** What the browser says about microphone permission ('unknown' where it cannot tell, e.g. Firefox). */
export type MicPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/** One microphone for the picker. */
export interface MicDevice {
  id: string;
  label: string;
}

const TYPING = 'You can keep typing your answers meanwhile.';

/** Turns a getUserMedia failure into a MicProblem. */
export function describeMicError(error: unknown): MicProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return {
        kind: 'denied',
        message: `The browser is not letting xquizit use your microphone. To answer out loud, allow it: click the microphone or lock icon in the address bar, choose Allow for the microphone, then try again. ${TYPING}`,
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return { kind: 'no-device', message: `No microphone was found. Plug one in or turn it on, then try again. ${TYPING}` };
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return { kind: 'busy', message: `Your microphone could not start: another app may be using it. Close that app, then try again. ${TYPING}` };
    case 'MicUnsupported':
      return { kind: 'unsupported', message: `This browser cannot use a microphone on this page: it needs a secure address (https, or localhost) and a current browser. ${TYPING}` };
    default:
      return { kind: 'failed', message: `The microphone could not start (${error instanceof Error ? error.message : String(error)}). Try again. ${TYPING}` };
  }
}

/** Speech-friendly capture: one channel, echo cancellation (the interviewer's voice), noise suppression, gain. */
export function micConstraints(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      channelCount: 1,
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
    video: false,
  };
}

/** Opens the microphone (the chosen one, or the default when that one is gone); throws a DOMException. */
export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia || !globalThis.isSecureContext) {
    const error = new Error('navigator.mediaDevices is unavailable');
    error.name = 'MicUnsupported';
    throw error;
  }
  try {
    return await media.getUserMedia(micConstraints(deviceId));
  } catch (error) {
    // A microphone unplugged since it was chosen: fall back to the default one.
    if (deviceId && error instanceof Error && (error.name === 'OverconstrainedError' || error.name === 'NotFoundError')) return media.getUserMedia(micConstraints(null));
    throw error;
  }
}

/** Stops every track of a stream (the browser's recording indicator goes off). */
export function closeStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Chrome's stand-ins for "whatever the system uses", already offered as the picker's "System default". */
const VIRTUAL_DEVICES = new Set(['', 'default', 'communications']);

/** The microphones (labels appear once permission was given). */
export async function listMicrophones(): Promise<MicDevice[]> {
  const devices = (await globalThis.navigator?.mediaDevices?.enumerateDevices?.()) ?? [];
  return devices
    .filter((device) => device.kind === 'audioinput' && !VIRTUAL_DEVICES.has(device.deviceId))
    .map((device, i) => ({ id: device.deviceId, label: device.label || `Microphone ${i + 1}` }));
}

/** The microphone permission, without asking for it. */
export async function micPermission(): Promise<MicPermission> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    return 'unknown';
  }
}
