// The report's own actor: judges each answer in the background as the interview goes (see schedule.ts for when),
// at most `concurrency` calls at a time, keeps every change in storage so a reload resumes where it was, and tries
// waiting sections again when the browser comes back online (or after a pause that grows). The interview machine
// never waits for it: it only reads the interview's snapshot, handed to `update`.
import { answerTurns } from './answers.ts';
import { judgeAnswer, makePracticePlan, rewriteAnswer, type ReportModel } from './judge.ts';
import { newReportRecord, persistable } from './record.ts';
import { dueJobs, type ReportJob } from './schedule.ts';
import { sectionFailure } from './section-failure.ts';
import type { ReportSubject } from './subject.ts';
import type { AnswerJudgement, ReportRecord, SectionState } from './types.ts';

/** Calls at once by default: enough to keep up with an interview, few enough never to crowd a turn's own call. */
export const DEFAULT_CONCURRENCY = 2;
/** The first pause before a waiting section is tried again without an online event; it doubles up to MAX_WAIT_MS. */
export const FIRST_WAIT_MS = 15_000;
const MAX_WAIT_MS = 5 * 60_000;

/** What the actor needs from the outside world (tests pass fakes). */
export interface ReportActorDeps {
  model: ReportModel;
  load: (interviewId: string) => Promise<ReportRecord | undefined>;
  save: (record: ReportRecord) => Promise<void>;
  /** Calls `listener` whenever the browser comes back online; returns the unsubscribe function. */
  onOnline?: (listener: () => void) => () => void;
  concurrency?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** One interview's report being made. */
export class ReportActor {
  readonly interviewId: string;
  readonly #deps: ReportActorDeps;
  readonly #listeners = new Set<(record: ReportRecord) => void>();
  readonly #running = new Map<string, AbortController>();
  readonly #now: () => number;
  #subject: ReportSubject | null = null;
  #record: ReportRecord | null = null;
  #subjectKey = '';
  #loadStarted = false;
  #stopped = false;
  #gateTimer: unknown = null;
  #waitTimer: unknown = null;
  #waitMs = FIRST_WAIT_MS;
  #saving: Promise<void> = Promise.resolve();
  #unsubscribeOnline: () => void = () => undefined;
  saveError: string | null = null;

  constructor(interviewId: string, deps: ReportActorDeps) {
    this.interviewId = interviewId;
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#unsubscribeOnline = deps.onOnline?.(() => this.#wake()) ?? (() => undefined);
  }

  /** The report as it stands; null until it is loaded. */
  get record(): ReportRecord | null {
    return this.#record;
  }

  /** Calls `listener` with every new state of the report; returns the unsubscribe function. */
  subscribe(listener: (record: ReportRecord) => void): () => void {
    this.#listeners.add(listener);
    if (this.#record) listener(this.#record);
    return () => this.#listeners.delete(listener);
  }

  /** Hands over the interview as it stands now; cheap when nothing the report reads has changed. */
  update(subject: ReportSubject): void {
    if (this.#stopped) return;
    const key = JSON.stringify([subject.transcript.length, subject.concluded, subject.speechTimings.map((timing) => [timing.questionId, timing.firstAudioAt])]);
    this.#subject = subject;
    if (key === this.#subjectKey && this.#record) return;
    this.#subjectKey = key;
    if (!this.#record) {
      if (!this.#loadStarted) void this.#load(subject);
      this.#loadStarted = true;
      return;
    }
    this.#pump();
  }

  /** Tries again every section that is unavailable or waiting (the candidate pressed Retry). */
  retry(): void {
    const record = this.#record;
    if (!record || this.#stopped) return;
    const reset = <T>(state: SectionState<T>): SectionState<T> => (state.status === 'unavailable' || state.status === 'waiting' ? { status: 'pending' } : state);
    this.#commit({
      ...record,
      answers: mapValues(record.answers, reset),
      rewrites: mapValues(record.rewrites, reset),
      practice: reset(record.practice),
    });
    this.#waitMs = FIRST_WAIT_MS;
    this.#pump();
  }

  /** Stops every call in flight (their sections stay pending in storage, for next time). */
  stop(): void {
    this.#stopped = true;
    this.#unsubscribeOnline();
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
    this.#clearTimers();
  }

  /** Resolves once every change so far is saved. */
  flushed(): Promise<void> {
    return this.#saving;
  }

  async #load(subject: ReportSubject): Promise<void> {
    let stored: ReportRecord | undefined;
    try {
      stored = await this.#deps.load(this.interviewId);
    } catch {
      stored = undefined;
    }
    if (this.#stopped) return;
    this.#record = stored ?? newReportRecord(this.interviewId, subject.model, this.#now());
    this.#emit();
    this.#pump();
  }

  #pump(): void {
    const subject = this.#subject;
    const record = this.#record;
    if (!subject || !record || this.#stopped) return;
    const { jobs, nextGateAt } = dueJobs(subject, record, this.#now());
    const limit = this.#deps.concurrency ?? DEFAULT_CONCURRENCY;
    for (const job of jobs) {
      if (this.#running.size >= limit) break;
      if (!this.#running.has(jobKey(job))) this.#run(job, subject);
    }
    this.#scheduleGate(nextGateAt);
  }

  #run(job: ReportJob, subject: ReportSubject): void {
    const controller = new AbortController();
    this.#running.set(jobKey(job), controller);
    this.#setSection(job, { status: 'running' });
    void this.#call(job, subject, controller.signal).then(
      (state) => this.#finish(job, controller, state),
      (error: unknown) => {
        const failure = sectionFailure(error);
        this.#finish(job, controller, failure ?? { status: 'pending' });
      },
    );
  }

  async #call(job: ReportJob, subject: ReportSubject, signal: AbortSignal): Promise<SectionState<unknown>> {
    const { model } = this.#deps;
    const turn = job.kind === 'practice' ? undefined : answerTurns(subject.transcript).find((candidate) => candidate.id === job.answerId);
    switch (job.kind) {
      case 'judge':
        if (!turn) return { status: 'pending' };
        return { status: 'done', value: await judgeAnswer(subject, turn, model, signal) };
      case 'rewrite':
        if (!turn) return { status: 'pending' };
        return { status: 'done', value: await rewriteAnswer(subject, turn, model, signal) };
      case 'practice':
        return { status: 'done', value: await makePracticePlan(subject, this.#judgements(), model, signal) };
      default:
        return assertNever(job);
    }
  }

  #finish(job: ReportJob, controller: AbortController, state: SectionState<unknown>): void {
    if (this.#running.get(jobKey(job)) !== controller) return;
    this.#running.delete(jobKey(job));
    if (this.#stopped) return;
    this.#setSection(job, state);
    if (state.status === 'waiting') this.#scheduleWait();
    else if (state.status === 'done') this.#waitMs = FIRST_WAIT_MS;
    this.#pump();
  }

  #setSection(job: ReportJob, state: SectionState<unknown>): void {
    const record = this.#record;
    if (!record) return;
    switch (job.kind) {
      case 'judge':
        this.#commit({ ...record, answers: { ...record.answers, [job.answerId]: state as ReportRecord['answers'][string] } });
        return;
      case 'rewrite':
        this.#commit({ ...record, rewrites: { ...record.rewrites, [job.answerId]: state as ReportRecord['rewrites'][string] } });
        return;
      case 'practice':
        this.#commit({ ...record, practice: state as ReportRecord['practice'] });
        return;
      default:
        assertNever(job);
    }
  }

  #commit(record: ReportRecord): void {
    this.#record = { ...record, updatedAt: this.#now() };
    this.#emit();
    const saved = persistable(this.#record);
    this.#saving = this.#saving.then(async () => {
      try {
        await this.#deps.save(saved);
        this.saveError = null;
      } catch (error) {
        this.saveError = error instanceof Error ? error.message : String(error);
      }
    });
  }

  #judgements(): Map<string, AnswerJudgement> {
    const judgements = new Map<string, AnswerJudgement>();
    for (const [id, state] of Object.entries(this.#record?.answers ?? {})) if (state.status === 'done') judgements.set(id, state.value);
    return judgements;
  }

  /** Back online (or the pause is over): every waiting section is tried again. */
  #wake(): void {
    const record = this.#record;
    if (!record || this.#stopped) return;
    const wake = <T>(state: SectionState<T>): SectionState<T> => (state.status === 'waiting' ? { status: 'pending' } : state);
    const changed = [...Object.values(record.answers), ...Object.values(record.rewrites), record.practice].some((state) => state.status === 'waiting');
    if (!changed) return;
    this.#commit({ ...record, answers: mapValues(record.answers, wake), rewrites: mapValues(record.rewrites, wake), practice: wake(record.practice) });
    this.#pump();
  }

  #scheduleWait(): void {
    if (this.#waitTimer !== null) return;
    const ms = this.#waitMs;
    this.#waitMs = Math.min(MAX_WAIT_MS, this.#waitMs * 2);
    this.#waitTimer = (this.#deps.setTimer ?? setTimeout)(() => {
      this.#waitTimer = null;
      this.#wake();
    }, ms);
  }

  #scheduleGate(at: number | null): void {
    if (this.#gateTimer !== null) (this.#deps.clearTimer ?? clearTimeout)(this.#gateTimer as ReturnType<typeof setTimeout>);
    this.#gateTimer = null;
    if (at === null) return;
    this.#gateTimer = (this.#deps.setTimer ?? setTimeout)(() => {
      this.#gateTimer = null;
      this.#pump();
    }, Math.max(0, at - this.#now()));
  }

  #clearTimers(): void {
    const clear = this.#deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    if (this.#gateTimer !== null) clear(this.#gateTimer);
    if (this.#waitTimer !== null) clear(this.#waitTimer);
    this.#gateTimer = null;
    this.#waitTimer = null;
  }

  #emit(): void {
    const record = this.#record;
    if (!record) return;
    for (const listener of [...this.#listeners]) listener(record);
  }
}

function jobKey(job: ReportJob): string {
  return job.kind === 'practice' ? 'practice' : `${job.kind}:${job.answerId}`;
}

function mapValues<T>(states: Record<string, SectionState<T>>, change: (state: SectionState<T>) => SectionState<T>): Record<string, SectionState<T>> {
  return Object.fromEntries(Object.entries(states).map(([id, state]) => [id, change(state)]));
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
