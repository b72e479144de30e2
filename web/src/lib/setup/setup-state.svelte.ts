// Reactive state of the setup screen: reads files into text, keeps edits (the documents, the interview's type, level
// and plan), saves everything to IndexedDB as it changes.
// Thin shell: extraction and storage are passed in, so tests can swap them.
import { documentProblem } from '../documents/messages.ts';
import type { DocumentProblem, ExtractOutcome } from '../documents/types.ts';
import type { InterviewLevel, InterviewPlan, InterviewType } from '../interview/index.ts';
import { emptyDraft, isQuotaError, type DocumentsDraft, type DocumentSlotDraft, type InterviewLimitsDraft, type PlanDraft } from '../storage/index.ts';
import { DEFAULT_INTERVIEW_TYPE, draftPlan } from './plan-draft.ts';

/** The two documents on the setup screen. */
export type SlotName = 'resume' | 'jobDescription';

const SLOTS: readonly SlotName[] = ['resume', 'jobDescription'];

/** What the screen shows about a document beyond its saved draft. */
export interface SlotStatus {
  /** The file being read, while it is read. */
  reading: string | null;
  problem: DocumentProblem | null;
}

/** What the setup state needs from the outside world. */
export interface SetupDeps {
  extract: (file: Blob, options?: { password?: string }) => Promise<ExtractOutcome>;
  load: () => Promise<DocumentsDraft | undefined>;
  save: (draft: DocumentsDraft) => Promise<void>;
  /** Keeps a synchronous copy of each change, for a page closed while a save is in flight. */
  backup?: (draft: DocumentsDraft) => void;
}

/** The setup screen's state. */
export class SetupState {
  /** What the candidate has given so far; saved as it changes. */
  draft = $state<DocumentsDraft>(emptyDraft());
  /** True once the saved draft (if any) has been read. */
  loaded = $state(false);
  status = $state<Record<SlotName, SlotStatus>>({
    resume: { reading: null, problem: null },
    jobDescription: { reading: null, problem: null },
  });
  /** Set when the device refused to save; the candidate's work is still on screen. */
  saveError = $state<string | null>(null);

  readonly #deps: SetupDeps;
  // Writes run one at a time; changes made during a write are saved right after it (never debounced:
  // a page closed a moment after the last keystroke must still have it on disk).
  #writing: Promise<void> | undefined;
  #dirty = false;

  /** Creates the state; call load() before showing it. */
  constructor(deps: SetupDeps) {
    this.#deps = deps;
  }

  /** Restores the saved draft, if there is one. */
  async load(): Promise<void> {
    try {
      const saved = await this.#deps.load();
      if (saved) this.draft = saved;
      for (const slot of SLOTS) {
        const { pendingFile, fileName } = this.draft[slot];
        if (pendingFile) this.status[slot] = { reading: null, problem: documentProblem('needs-password', { fileName }) };
      }
    } catch (error) {
      this.saveError = `Your earlier work could not be read from this device (${describe(error)}). What you add now will still be kept while this page is open.`;
    } finally {
      this.loaded = true;
    }
  }

  /** Reads a file into a slot; on failure the slot keeps what it had and shows why. */
  async readFile(slot: SlotName, file: File): Promise<void> {
    await this.#extractInto(slot, file, file.name);
  }

  /** Retries the file waiting for a password. */
  async submitPassword(slot: SlotName, password: string): Promise<void> {
    const pending = this.draft[slot].pendingFile;
    if (!pending) return;
    await this.#extractInto(slot, pending, this.draft[slot].fileName ?? 'the file', password);
  }

  /** Replaces a slot's text with what the candidate typed or pasted. */
  setText(slot: SlotName, text: string): void {
    const current = this.draft[slot];
    this.draft[slot] = { ...current, text, source: current.source === 'file' && text.trim() !== '' ? 'file' : 'typed' };
    this.#scheduleSave();
  }

  /** Sets the interview's time and question limits. */
  setLimits(limits: InterviewLimitsDraft): void {
    this.draft.limits = limits;
    this.#scheduleSave();
  }

  /** Keeps the language model the candidate picked (a model reference). */
  setModel(model: string): void {
    this.draft.model = model;
    this.#scheduleSave();
  }

  /** Sets the interview type. */
  setInterviewType(interviewType: InterviewType): void {
    this.draft.profile = { ...this.draft.profile, interviewType };
    this.#scheduleSave();
  }

  /** Sets the level; null goes back to the level the job description implies. */
  setLevel(level: InterviewLevel | null): void {
    const { level: _old, ...rest } = this.draft.profile ?? { interviewType: DEFAULT_INTERVIEW_TYPE };
    this.draft.profile = level === null ? rest : { ...rest, level };
    this.#scheduleSave();
  }

  /** Shows a freshly made plan (or none). */
  setPlan(plan: PlanDraft | undefined): void {
    if (plan === undefined) delete this.draft.plan;
    else this.draft.plan = plan;
    this.#scheduleSave();
  }

  /** Applies the candidate's change to the plan shown; from then on it is theirs and never replaced without their say. */
  editPlan(change: (plan: InterviewPlan) => InterviewPlan): void {
    const current = this.draft.plan;
    const plan = draftPlan(this.draft);
    if (current === undefined || plan === null) return;
    const changed = change(plan);
    // Leaving a name as it was (focus, then blur) is not a change: the plan stays the analysis's own.
    if (JSON.stringify(changed) === JSON.stringify(plan)) return;
    this.draft.plan = { ...current, plan: changed, edited: true };
    this.#scheduleSave();
  }

  /** Updates the optional instructions. */
  setInstructions(text: string): void {
    this.draft.instructions = text;
    this.#scheduleSave();
  }

  /** Empties a slot. */
  clear(slot: SlotName): void {
    this.draft[slot] = { text: '', source: 'typed', notices: [] };
    this.status[slot] = { reading: null, problem: null };
    this.#scheduleSave();
  }

  /** Resolves once every change so far is written. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #extractInto(slot: SlotName, file: Blob, fileName: string, password?: string): Promise<void> {
    this.status[slot] = { reading: fileName, problem: null };
    let outcome: ExtractOutcome;
    try {
      outcome = await this.#deps.extract(file, password === undefined ? undefined : { password });
    } catch (error) {
      outcome = { ok: false, problem: { code: 'reader-failed', message: `${fileName} could not be read (${describe(error)}). Try again, or paste its text below.` } };
    }
    if (outcome.ok) {
      const { document } = outcome;
      this.draft[slot] = { text: document.text, source: 'file', fileName, kind: document.kind, pageCount: document.pageCount, notices: document.notices };
      this.status[slot] = { reading: null, problem: null };
    } else {
      const waiting = outcome.problem.code === 'needs-password' || outcome.problem.code === 'wrong-password';
      const previous = this.draft[slot];
      this.draft[slot] = waiting ? { ...previous, fileName, pendingFile: file } : withoutPending(previous);
      this.status[slot] = { reading: null, problem: outcome.problem };
    }
    this.#scheduleSave();
    await this.flush();
  }

  #scheduleSave(): void {
    this.draft.updatedAt = Date.now();
    this.#deps.backup?.($state.snapshot(this.draft) as DocumentsDraft);
    this.#dirty = true;
    if (this.#writing) return;
    this.#writing = (async () => {
      while (this.#dirty) {
        this.#dirty = false;
        await this.#save();
      }
      this.#writing = undefined;
    })();
  }

  async #save(): Promise<void> {
    try {
      // Warning: IndexedDB cannot clone Svelte's reactive proxies; save a plain snapshot.
      await this.#deps.save($state.snapshot(this.draft) as DocumentsDraft);
      this.saveError = null;
    } catch (error) {
      this.saveError = isQuotaError(error)
        ? 'This device is out of storage space, so your changes are not being saved. Free some space, then keep typing.'
        : `Your changes could not be saved on this device (${describe(error)}). Keep this page open; try again in a moment.`;
    }
  }
}

function withoutPending(slot: DocumentSlotDraft): DocumentSlotDraft {
  const { pendingFile: _dropped, ...rest } = slot;
  return rest;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
