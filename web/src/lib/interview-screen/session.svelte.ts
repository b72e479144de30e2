// One running interview on the page: the machine's actor, its reactive snapshot, and saving it to IndexedDB at every step.
// Thin shell: the machine, its actors and the storage are passed in.
import { createActor, type Actor, type AnyActorLogic, type Snapshot } from 'xstate';
import { upgradeInterviewSnapshot, type InterviewInput, type interviewMachine, type InterviewSnapshot } from '../interview/index.ts';
import type { InterviewEvent, SpeechTiming } from '../interview/types.ts';
import { isQuotaError, type AnswerDraftBackup, type InterviewRecord } from '../storage/index.ts';

/** The machine with its real (or test) actors provided. */
export type ProvidedInterviewMachine = typeof interviewMachine;

/** What a session needs from the outside world. */
export interface SessionDeps {
  machine: ProvidedInterviewMachine;
  save: (record: InterviewRecord) => Promise<void>;
  /** A synchronous copy of the unsent answer, for a page closed while a save is in flight. */
  draftBackup?: AnswerDraftBackup;
  now?: () => number;
}

/** A live interview: send it events, read its snapshot; every meaningful change is saved. */
export class InterviewSession {
  /** The latest snapshot; replaced (never mutated) on every change. */
  snapshot = $state.raw<InterviewSnapshot>() as InterviewSnapshot;
  /** Set when the device refused to save; the interview goes on on screen. */
  saveError = $state<string | null>(null);

  readonly id: string;
  readonly #actor: Actor<ProvidedInterviewMachine>;
  readonly #deps: SessionDeps;
  readonly #createdAt: number;
  #savedKey = '';
  #saving: Promise<void> = Promise.resolve();

  private constructor(actor: Actor<ProvidedInterviewMachine>, id: string, createdAt: number, deps: SessionDeps) {
    this.#actor = actor;
    this.#deps = deps;
    this.id = id;
    this.#createdAt = createdAt;
    this.snapshot = actor.getSnapshot();
    actor.subscribe((snapshot) => {
      this.snapshot = snapshot;
      this.#persistIfChanged();
    });
    actor.start();
    this.#persistIfChanged();
  }

  /** Starts a new interview and sends START. */
  static start(input: InterviewInput, deps: SessionDeps): InterviewSession {
    const session = new InterviewSession(createActor(deps.machine, { input }), input.id, (deps.now ?? Date.now)(), deps);
    session.send({ type: 'START' });
    return session;
  }

  /** Resumes a saved interview exactly where its snapshot left it. */
  static restore(record: InterviewRecord, deps: SessionDeps): InterviewSession {
    // Interviews saved by earlier versions (a plan of topic names, no speech timings…) are brought to today's shape.
    const snapshot = upgradeInterviewSnapshot(record.snapshot) as Snapshot<unknown> & { context: InterviewInput };
    const { id, documents, settings, profile } = snapshot.context;
    const actor = createActor(deps.machine as AnyActorLogic, { snapshot, input: { id, documents, settings, profile } }) as Actor<ProvidedInterviewMachine>;
    const session = new InterviewSession(actor, record.id, record.createdAt, deps);
    // Saved between its creation and its START (the page closed right after Start): it starts now.
    if (session.snapshot.value === 'idle') session.send({ type: 'START' });
    const backedUp = deps.draftBackup?.read(record.id);
    if (backedUp !== undefined && backedUp !== session.snapshot.context.draftAnswer) session.send({ type: 'ANSWER_DRAFTED', text: backedUp });
    return session;
  }

  /** Sends an event from the UI (or, later, the voice). */
  send(event: InterviewEvent): void {
    if (event.type === 'ANSWER_DRAFTED') this.#deps.draftBackup?.write(this.id, event.text);
    this.#actor.send(event);
    if (event.type === 'ANSWER_SUBMITTED' && this.snapshot.context.draftAnswer === '') this.#deps.draftBackup?.clear(this.id);
    // The answer taken back is a draft again: kept like one typed, in case the page closes before the save.
    if (event.type === 'ANSWER_WITHDRAWN' && this.snapshot.context.draftAnswer !== '') this.#deps.draftBackup?.write(this.id, this.snapshot.context.draftAnswer);
  }

  /** Resolves once every change so far is saved. */
  flushed(): Promise<void> {
    return this.#saving;
  }

  /** Stops the actor (the saved snapshot stays). */
  dispose(): void {
    this.#actor.stop();
  }

  // The streamed question changes many times a second but is never restored (a reload re-asks the turn),
  // so only changes that matter on restore are written.
  #persistIfChanged(): void {
    const { value, context } = this.snapshot;
    const key = JSON.stringify([value, context.transcript.length, context.draftAnswer, context.draftListening, context.overtimeSince, context.error, context.turn?.questionId ?? null, context.timings.length, context.plan !== null, speechPieceCount(context.speechTimings)]);
    if (key === this.#savedKey) return;
    this.#savedKey = key;
    const record: InterviewRecord = {
      id: this.id,
      createdAt: this.#createdAt,
      updatedAt: (this.#deps.now ?? Date.now)(),
      snapshot: JSON.parse(JSON.stringify(this.#actor.getPersistedSnapshot())),
      concluded: value === 'concluded',
    };
    this.#saving = this.#saving.then(async () => {
      try {
        await this.#deps.save(record);
        this.saveError = null;
      } catch (error) {
        this.saveError = isQuotaError(error)
          ? 'This device is out of storage space, so this interview is not being saved. Keep this page open and free some space (History → Free space, or other sites’ data).'
          : `This interview could not be saved on this device (${error instanceof Error ? error.message : String(error)}). Keep this page open.`;
      }
    });
  }
}

function speechPieceCount(timings: readonly SpeechTiming[]): number {
  return timings.reduce((sum, timing) => sum + timing.pieces.length + (timing.firstAudioAt === null ? 0 : 1), 0);
}
