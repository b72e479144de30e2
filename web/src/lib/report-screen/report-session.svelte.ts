// One report on the page: the report actor, its record as reactive state for the screen, and the practice seed.
// Thin shell: the actor and its dependencies are built by the app shell and passed in.
import type { ReportActor, ReportRecord, ReportSubject } from '../feedback/index.ts';

/** A report being made or read; `record` follows every change the actor makes. */
export class ReportSession {
  /** The judged part so far; null until it is loaded. */
  record = $state.raw<ReportRecord | null>(null);
  /** The interview the report is about, as handed over last. */
  subject = $state.raw<ReportSubject | null>(null);
  readonly #actor: ReportActor;
  readonly #unsubscribe: () => void;

  constructor(actor: ReportActor) {
    this.#actor = actor;
    this.#unsubscribe = actor.subscribe((record) => (this.record = record));
  }

  /** The interview's id. */
  get interviewId(): string {
    return this.#actor.interviewId;
  }

  /** Hands the interview over as it stands (cheap when nothing the report reads changed). */
  update(subject: ReportSubject): void {
    this.subject = subject;
    this.#actor.update(subject);
  }

  /** Tries the unavailable and waiting sections again. */
  retry(): void {
    this.#actor.retry();
  }

  /** Stops the actor; what is not done stays pending in storage for next time. */
  dispose(): void {
    this.#unsubscribe();
    this.#actor.stop();
  }
}
