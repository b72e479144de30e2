// The transcription jobs this proxy is running on RunPod, each driven to its end apart from the requests that wait
// on it: /runsync?wait= first, then /status on every state that is not final, a cold start told apart by /health.
// Requests attach to a job by key (the caller and the app's clip id), so a retry of the same clip resumes the same
// job; a job nobody waits on any more is cancelled after a grace; every job is cancelled at its deadline.
import { randomUUID } from 'node:crypto';
import type { ProxyContext } from '../../context.ts';
import { errorResponse, jsonResponse } from '../../http/errors.ts';
import { UpstreamFailure } from '../../upstream/http-client.ts';
import { upstreamFailureResponse } from '../upstream-error.ts';
import { failureMessage, isTransientFailure, phaseOf, readJob, workersRunning, type JobPhase, type JobView } from './job-status.ts';
import type { WhisperJobInput } from './request.ts';
import { store, type RunpodApi, type StoredAnswer } from './upstream.ts';

/** The tracker's timings. */
export interface JobTiming {
  /** RunPod's `?wait=` on /runsync. */
  waitMs: number;
  pollIntervalMs: number;
  /** A job still going after this is cancelled. */
  jobTimeoutMs: number;
  /** A job nobody waits on is cancelled after this. */
  cancelAfterMs: number;
  /** How long a finished job's answer is kept for a client that asks again. */
  keepResultMs: number;
  /** The most jobs tracked at once. */
  maxJobs: number;
}

/** What a wait on a job ended with: its answer, or where it stands now. */
export type WaitResult = { kind: 'answer'; answer: StoredAnswer } | { kind: 'pending'; phase: JobPhase; status: string | null };

/** One job as the proxy follows it. */
export class TrackedJob {
  phase: JobPhase = 'submitted';
  /** RunPod's last reported status, once known. */
  status: string | null = null;
  runpodId: string | null = null;
  answer: StoredAnswer | null = null;
  /** Whether a later request for the same clip gets this answer again (a success, or a failure that would repeat). */
  resumable = false;
  waiters = 0;
  cancelRequested = false;
  /** Aborted to stop a poll or a pause between polls when the job is to be cancelled. */
  readonly stop = new AbortController();
  readonly deadline: number;
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly key: string,
    startedAt: number,
    timeoutMs: number,
  ) {
    this.deadline = startedAt + timeoutMs;
  }

  /** Calls `listener` at the next change of phase or the answer; returns the way to stop listening. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Records a new phase (and status); listeners hear of it only when the phase changes. */
  setPhase(phase: JobPhase, status: string): void {
    this.status = status;
    if (phase === this.phase) return;
    this.phase = phase;
    this.#notify();
  }

  /** Records the job's answer. */
  finish(answer: StoredAnswer, resumable: boolean): void {
    if (this.answer) return;
    this.answer = answer;
    this.resumable = resumable;
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** The proxy's transcription jobs, by key. */
export class RunpodJobs {
  readonly #jobs = new Map<string, TrackedJob>();
  readonly #cancelTimers = new Map<TrackedJob, ReturnType<typeof setTimeout>>();
  #health: { at: number; running: number | undefined } | null = null;

  constructor(
    private readonly ctx: ProxyContext,
    private readonly api: RunpodApi,
    private readonly timing: JobTiming,
  ) {}

  /** How many jobs are tracked (running, or finished and kept). */
  get size(): number {
    return this.#jobs.size;
  }

  /** The job under `key`, if one is tracked. */
  find(key: string): TrackedJob | undefined {
    return this.#jobs.get(key);
  }

  /**
   * The job to wait on for `key`: the tracked one while it runs or its answer would be the same again, else a new
   * job on RunPod for `input`. Undefined when the tracker is full.
   */
  startOrResume(key: string | undefined, input: WhisperJobInput): TrackedJob | undefined {
    const known = key === undefined ? undefined : this.#jobs.get(key);
    if (known && (!known.answer || known.resumable)) return known;
    if (!known && this.#jobs.size >= this.timing.maxJobs) return undefined;
    const job = new TrackedJob(key ?? `anonymous:${randomUUID()}`, Date.now(), this.timing.jobTimeoutMs);
    this.#jobs.set(job.key, job);
    const body = JSON.stringify({ input, policy: { ttl: Math.max(10_000, this.timing.jobTimeoutMs + 60_000) } });
    void this.#drive(job, body);
    return job;
  }

  /**
   * Waits until the job has its answer or `signal` aborts (the client left); with a finite `holdMs`, also until its
   * phase changes or `holdMs` passes.
   */
  async wait(job: TrackedJob, holdMs: number, signal: AbortSignal): Promise<WaitResult> {
    this.#attach(job);
    try {
      if (!job.answer && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const held = Number.isFinite(holdMs);
          const timer = held ? setTimeout(done, holdMs) : undefined;
          const stopListening = job.onChange(() => {
            if (held || job.answer) done();
          });
          signal.addEventListener('abort', done, { once: true });
          function done() {
            clearTimeout(timer);
            stopListening();
            signal.removeEventListener('abort', done);
            resolve();
          }
        });
      }
      return job.answer ? { kind: 'answer', answer: job.answer } : { kind: 'pending', phase: job.phase, status: job.status };
    } finally {
      this.#detach(job, signal.aborted);
    }
  }

  #attach(job: TrackedJob): void {
    job.waiters++;
    clearTimeout(this.#cancelTimers.get(job));
    this.#cancelTimers.delete(job);
  }

  // A job nobody waits on is cancelled after the grace (at once when no clip id lets anyone come back for it).
  #detach(job: TrackedJob, clientLeft: boolean): void {
    job.waiters--;
    if (job.waiters > 0 || job.answer) return;
    const anonymous = job.key.startsWith('anonymous:');
    if (anonymous && clientLeft) {
      this.#requestCancel(job);
      return;
    }
    const timer = setTimeout(() => {
      this.#cancelTimers.delete(job);
      if (job.waiters === 0 && !job.answer) this.#requestCancel(job);
    }, this.timing.cancelAfterMs);
    timer.unref();
    this.#cancelTimers.set(job, timer);
  }

  #requestCancel(job: TrackedJob): void {
    job.cancelRequested = true;
    job.stop.abort();
  }

  async #drive(job: TrackedJob, body: string): Promise<void> {
    try {
      let reply = await this.api.runsync(body, this.timing.waitMs);
      for (;;) {
        if (!reply.ok) return this.#end(job, reply.answer, false);
        const view = readJob(reply.json);
        if (view.kind !== 'pending') return this.#end(job, ...(await this.#answerFor(job, view)));
        job.runpodId = view.id;
        if (job.cancelRequested || Date.now() >= job.deadline) return await this.#cancel(job);
        job.setPhase(phaseOf(view.status, view.status === 'IN_QUEUE' ? await this.#workersRunning(job.stop.signal) : undefined), view.status);
        await pause(Math.min(this.timing.pollIntervalMs, Math.max(0, job.deadline - Date.now())), job.stop.signal);
        if (job.cancelRequested || Date.now() >= job.deadline) return await this.#cancel(job);
        reply = await this.api.status(view.id, job.stop.signal);
      }
    } catch (error) {
      if (job.cancelRequested && job.runpodId) return await this.#cancel(job);
      this.#end(job, await store(failureResponse(error)), false);
    }
  }

  // Cancels the job on RunPod; one cancelled because nobody waits is forgotten, one past its deadline says so.
  async #cancel(job: TrackedJob): Promise<void> {
    if (job.runpodId) await this.api.cancel(job.runpodId);
    if (job.cancelRequested) {
      this.#jobs.delete(job.key);
      job.finish(await store(errorResponse(502, 'upstream_error', 'The transcription job was cancelled: nobody was waiting for it.')), false);
      return;
    }
    const seconds = Math.round(this.timing.jobTimeoutMs / 1000);
    this.#end(job, await store(errorResponse(504, 'upstream_timeout', `The transcription server did not finish within ${String(seconds)} s (it may still be starting up). Try again in a moment.`)), false);
  }

  #end(job: TrackedJob, answer: StoredAnswer, resumable: boolean): void {
    job.finish(answer, resumable);
    const timer = setTimeout(() => {
      if (this.#jobs.get(job.key) === job) this.#jobs.delete(job.key);
    }, job.key.startsWith('anonymous:') ? 0 : this.timing.keepResultMs);
    timer.unref();
  }

  async #answerFor(job: TrackedJob, view: Exclude<JobView, { kind: 'pending' }>): Promise<[StoredAnswer, boolean]> {
    switch (view.kind) {
      case 'completed':
        return [await store(jsonResponse(view.output)), true];
      case 'completed-without-output':
        this.ctx.log.info(`RunPod job ${job.runpodId ?? '?'} COMPLETED without output`);
        return [await store(errorResponse(502, 'upstream_error', "The transcription server finished without a transcript (RunPod reported the job COMPLETED with no output). Trying again may work; if it keeps happening, the server's operator can check the RunPod worker's logs.")), false];
      case 'failed': {
        // Warning: only the exception's type is logged; its message and traceback may quote the input.
        this.ctx.log.info(`RunPod job ${job.runpodId ?? '?'} FAILED: ${view.failure.type ?? 'no error type'}`);
        const message = failureMessage(view.failure, this.ctx.scrub);
        return isTransientFailure(view.failure)
          ? [await store(errorResponse(502, 'upstream_error', message)), false]
          : [await store(errorResponse(422, 'transcription_failed', message)), true];
      }
      case 'timed-out':
        return [await store(errorResponse(504, 'upstream_timeout', 'The transcription job timed out on RunPod (no worker took it in time, or it ran too long). Try again in a moment.')), false];
      case 'cancelled':
        return [await store(errorResponse(502, 'upstream_error', 'The transcription job was cancelled on RunPod. Try again.')), false];
      case 'malformed':
        return [await store(errorResponse(502, 'upstream_error', `RunPod answered in a form this server does not understand (${view.reason}).`)), false];
      default: {
        const unknown: never = view;
        throw new Error(`unknown job view ${JSON.stringify(unknown)}`);
      }
    }
  }

  async #workersRunning(signal: AbortSignal): Promise<number | undefined> {
    const now = Date.now();
    // One reading stands for every job of the endpoint until the next poll.
    if (this.#health && now - this.#health.at < this.timing.pollIntervalMs) return this.#health.running;
    const running = workersRunning(await this.api.health(signal));
    this.#health = { at: now, running };
    return running;
  }
}

function failureResponse(error: unknown): Response {
  if (error instanceof SyntaxError) return errorResponse(502, 'upstream_error', 'RunPod answered something that is not JSON.');
  return upstreamFailureResponse(error instanceof UpstreamFailure ? error : new UpstreamFailure('unreachable', 'network error'), 'RunPod');
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
