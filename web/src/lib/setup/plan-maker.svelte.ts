// Makes the interview plan in the background while the candidate is on the setup screen: once both documents have
// text and they pause typing, one analysis call; a change cancels it and makes a new one; a plan the candidate
// shaped is never replaced without their say. Thin shell: the call, the clock and the draft are passed in.
import type { AnalysisInput, InterviewPlan, InterviewSettings } from '../interview/index.ts';
import { chosenProfile, documentsOf, hasBothDocuments, planBasis, planIsCurrent } from './plan-draft.ts';
import type { SetupState } from './setup-state.svelte.ts';

/** Where the plan shown on the setup screen stands. */
export type PlanStatus =
  | { kind: 'waiting-for-documents' }
  /** The server cannot make one now (not reachable, no model, token missing): the reason, in plain words. */
  | { kind: 'unavailable'; reason: string }
  /** Waiting for the candidate to pause, then making it. */
  | { kind: 'making' }
  | { kind: 'ready' }
  /** The candidate shaped this plan, then changed the documents, type or level it was made from. */
  | { kind: 'outdated' }
  | { kind: 'failed'; message: string };

/** What the plan maker needs from the outside world. */
export interface PlanMakerDeps {
  /** Makes a plan (retrying an unusable answer); must stop when `signal` aborts. */
  make: (input: AnalysisInput, signal: AbortSignal) => Promise<InterviewPlan>;
  /** How long the candidate must pause before a call is spent. */
  pauseMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** How long typing must pause before a plan is made: long enough that a call is never spent per keystroke. */
export const PLAN_PAUSE_MS = 2000;

/** The background plan maker of the setup screen. */
export class PlanMaker {
  status = $state<PlanStatus>({ kind: 'waiting-for-documents' });

  readonly #setup: SetupState;
  readonly #deps: PlanMakerDeps;
  #timer: unknown = null;
  #controller: AbortController | null = null;
  /** The basis being made (scheduled or in flight), and the last one that failed (not retried on its own). */
  #making: string | null = null;
  #failed: string | null = null;
  #settings: InterviewSettings | null = null;
  #blocker: string | null = null;
  /** Set by retry(): the next call goes out at once. */
  #now = false;
  /** Set by hold(): the interview is starting, so nothing is made until release(). */
  #held = false;

  /** Creates the maker for a setup state; call sync() whenever what it reads may have changed. */
  constructor(setup: SetupState, deps: PlanMakerDeps) {
    this.#setup = setup;
    this.#deps = deps;
  }

  /** Brings the plan in line with the draft: `settings` are the interview's (null while the server cannot make a plan, `blocker` says why). */
  sync(settings: InterviewSettings | null, blocker: string | null): void {
    this.#settings = settings;
    this.#blocker = blocker;
    if (this.#held) return;
    const draft = this.#setup.draft;
    if (!hasBothDocuments(draft)) return this.#settle({ kind: 'waiting-for-documents' });
    if (planIsCurrent(draft)) return this.#settle({ kind: 'ready' });
    if (draft.plan?.edited) return this.#settle({ kind: 'outdated' });
    if (settings === null) return this.#settle({ kind: 'unavailable', reason: blocker ?? 'The server cannot make a plan now.' });
    const basis = planBasis(draft);
    if (basis === this.#making) return;
    if (basis === this.#failed && this.status.kind === 'failed') return;
    this.#schedule(basis, this.#now ? 0 : (this.#deps.pauseMs ?? PLAN_PAUSE_MS));
  }

  /** Tries again now, after a failure. */
  retry(): void {
    this.#failed = null;
    this.#making = null;
    this.#now = true;
    this.sync(this.#settings, this.#blocker);
    this.#now = false;
  }

  /** Drops the plan shown (the candidate's changes too) and makes a new one now. */
  remake(): void {
    this.cancel();
    this.#setup.setPlan(undefined);
    this.retry();
  }

  /** The interview is starting: stops any call and makes none, whatever changes, until release(). */
  hold(): void {
    this.cancel();
    this.#held = true;
  }

  /** Makes plans again after hold() (the start failed, or the setup screen is shown anew), from the draft as it is now. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    this.sync(this.#settings, this.#blocker);
  }

  /** Stops any call in flight or waiting (the screen goes away). */
  cancel(): void {
    if (this.#timer !== null) (this.#deps.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = null;
    this.#controller?.abort();
    this.#controller = null;
    this.#making = null;
  }

  #settle(status: PlanStatus): void {
    this.cancel();
    this.status = status;
  }

  #schedule(basis: string, pauseMs: number): void {
    this.cancel();
    this.#making = basis;
    this.status = { kind: 'making' };
    const run = () => {
      this.#timer = null;
      void this.#make(basis);
    };
    this.#timer = (this.#deps.setTimer ?? setTimeout)(run, pauseMs);
  }

  async #make(basis: string): Promise<void> {
    const settings = this.#settings;
    if (settings === null) return;
    const draft = this.#setup.draft;
    if (planBasis(draft) !== basis) {
      // The draft changed without a sync (it always syncs on screen; this keeps a stray timer honest).
      this.#making = null;
      return this.sync(settings, this.#blocker);
    }
    const { interviewType, level } = chosenProfile(draft);
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const plan = await this.#deps.make({ documents: documentsOf(draft), settings, profile: { interviewType, level } }, controller.signal);
      if (controller.signal.aborted) return;
      this.#controller = null;
      this.#making = null;
      this.#failed = null;
      this.#setup.setPlan({ plan, basis, edited: false });
      this.status = { kind: 'ready' };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#controller = null;
      this.#making = null;
      this.#failed = basis;
      this.status = { kind: 'failed', message: describe(error) };
    }
  }
}

/** The failure in plain words: the LLM client's and the analysis's own message where they have one. */
function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { userMessage?: unknown }).userMessage === 'string') {
    return (error as { userMessage: string }).userMessage;
  }
  return error instanceof Error && error.message !== '' ? error.message : 'Something went wrong.';
}
