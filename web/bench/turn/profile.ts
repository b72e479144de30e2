// The latency profile `pnpm bench:turn` gives the fake services: the model's time to first token and speed, and a warm
// RunPod round trip. Defaults come from published figures (each named below); flags or BENCH_* variables override them.

/** How long the fake services take, standing in for the real ones. */
export interface LatencyProfile {
  /** Gemini's time to first token, ms. */
  geminiFirstTokenMs: number;
  /** Gemini's output speed once it streams, tokens a second. */
  geminiTokensPerSecond: number;
  /** Characters in each streamed chunk (about 4 characters a token). */
  geminiCharsPerChunk: number;
  /** RunPod's delay time on a warm worker (queue and hand-over), ms. */
  runpodQueueMs: number;
  /** The worker's fixed time per job (decode, VAD, model call), ms. */
  runpodRunMs: number;
  /** The worker's time per second of audio (faster-whisper `small` on a GPU), ms. */
  runpodMsPerAudioSecond: number;
}

/** One setting: its flag, its environment variable, its default and where the default comes from. */
export interface ProfileSetting {
  key: keyof LatencyProfile;
  flag: string;
  env: string;
  value: number;
  source: string;
}

/** The defaults, with their sources. */
export const PROFILE_SETTINGS: readonly ProfileSetting[] = [
  {
    key: 'geminiFirstTokenMs',
    flag: '--gemini-ttft-ms',
    env: 'BENCH_GEMINI_TTFT_MS',
    value: 400,
    source: 'Artificial Analysis, Gemini 2.5 Flash (thinking off): 0.40 s to first token',
  },
  {
    key: 'geminiTokensPerSecond',
    flag: '--gemini-tokens-per-s',
    env: 'BENCH_GEMINI_TOKENS_PER_S',
    value: 270,
    source: 'Artificial Analysis, Gemini 2.5 Flash: about 270 output tokens a second',
  },
  {
    key: 'geminiCharsPerChunk',
    flag: '--gemini-chars-per-chunk',
    env: 'BENCH_GEMINI_CHARS_PER_CHUNK',
    value: 24,
    source: "the fake's demo pacing (a few tokens per SSE event)",
  },
  {
    key: 'runpodQueueMs',
    flag: '--runpod-queue-ms',
    env: 'BENCH_RUNPOD_QUEUE_MS',
    value: 150,
    source: 'runpod-workers/worker-infinity-embedding#5: 0.10–0.16 s delay time on a warm worker',
  },
  {
    key: 'runpodRunMs',
    flag: '--runpod-run-ms',
    env: 'BENCH_RUNPOD_RUN_MS',
    value: 100,
    source: 'same issue: 0.01–0.08 s execution for a tiny job, rounded up for audio decoding and VAD',
  },
  {
    key: 'runpodMsPerAudioSecond',
    flag: '--runpod-ms-per-audio-s',
    env: 'BENCH_RUNPOD_MS_PER_AUDIO_S',
    value: 25,
    source: 'faster-whisper README: large-v2 fp16 on a V100, 13 min of audio in 54 s (69 ms/s); small is about 3× faster',
  },
];

/** The profile from `--flag=value` arguments, then BENCH_* variables, then the defaults; throws on a value that is not a number ≥ 0. */
export function readProfile(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LatencyProfile {
  const profile = {} as LatencyProfile;
  for (const setting of PROFILE_SETTINGS) {
    const argument = argv.find((arg) => arg.startsWith(`${setting.flag}=`));
    const raw = argument === undefined ? env[setting.env] : argument.slice(setting.flag.length + 1);
    const value = raw === undefined || raw === '' ? setting.value : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${setting.flag} (${setting.env}) must be a number ≥ 0, not "${raw ?? ''}".`);
    if (setting.key === 'geminiTokensPerSecond' || setting.key === 'geminiCharsPerChunk') {
      if (value === 0) throw new Error(`${setting.flag} (${setting.env}) must be above 0.`);
    }
    profile[setting.key] = value;
  }
  return profile;
}

/** How the fake Gemini streams `text`: its chunks, the gap between them and the wait before the first. */
export function geminiPacing(text: string, profile: LatencyProfile): { chunks: number; delayMs: number; firstTokenMs: number } {
  const charsPerSecond = profile.geminiTokensPerSecond * 4;
  return {
    chunks: Math.max(1, Math.ceil(text.length / profile.geminiCharsPerChunk)),
    delayMs: Math.round((profile.geminiCharsPerChunk / charsPerSecond) * 1000),
    firstTokenMs: profile.geminiFirstTokenMs,
  };
}

/** How long a whole unary reply of `text` takes: the first token, then the rest at the model's speed. */
export function geminiUnaryMs(text: string, profile: LatencyProfile): number {
  return Math.round(profile.geminiFirstTokenMs + (text.length / 4 / profile.geminiTokensPerSecond) * 1000);
}

/** How long RunPod takes for a clip of `seconds` of audio on a warm worker: queue, then run. */
export function runpodTiming(seconds: number, profile: LatencyProfile): { queueMs: number; runMs: number } {
  return { queueMs: profile.runpodQueueMs, runMs: Math.round(profile.runpodRunMs + seconds * profile.runpodMsPerAudioSecond) };
}
