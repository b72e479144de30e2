// The setup screen's state with swapped extraction and storage: nothing lost, failures leave the rest alone.
import { describe, expect, it, vi } from 'vitest';
import type { ExtractOutcome } from '../documents/types.ts';
import { emptyDraft, type DocumentsDraft } from '../storage/index.ts';
import { renameTopic, settleTopicName } from '../interview/plan-edit.ts';
import { planWith } from '../interview/testdata/plans.ts';
import { SetupState, type SetupDeps } from './setup-state.svelte.ts';

const resumeText = 'Jane Doe. Backend engineer with eight years of payments experience.';

function harness(outcomes: ExtractOutcome[], saved?: DocumentsDraft) {
  const saves: DocumentsDraft[] = [];
  const extract = vi.fn<SetupDeps['extract']>(async () => outcomes.shift() ?? { ok: false, problem: { code: 'corrupt', message: 'broken' } });
  const state = new SetupState({
    extract,
    load: async () => saved,
    save: async (draft) => {
      saves.push(structuredClone(draft));
    },
  });
  return { state, saves, extract };
}

const file = (name: string) => new File(['bytes'], name);

describe('SetupState', () => {
  it('keeps the model the candidate picked, saved like everything else', async () => {
    const { state, saves } = harness([]);
    await state.load();
    state.setModel('openai:qwen3:8b');
    await state.flush();
    expect(state.draft.model).toBe('openai:qwen3:8b');
    expect(saves.at(-1)?.model).toBe('openai:qwen3:8b');
  });

  it('restores the saved draft on load', async () => {
    const saved = { ...emptyDraft(), instructions: 'focus on system design' };
    const { state } = harness([], saved);
    await state.load();
    expect(state.loaded).toBe(true);
    expect(state.draft.instructions).toBe('focus on system design');
  });

  it('reads a file into its slot and saves a plain copy', async () => {
    const { state, saves } = harness([{ ok: true, document: { kind: 'pdf', text: resumeText, pageCount: 2, truncated: false, notices: [] } }]);
    await state.load();
    await state.readFile('resume', file('resume.pdf'));
    expect(state.draft.resume).toMatchObject({ text: resumeText, source: 'file', fileName: 'resume.pdf', kind: 'pdf', pageCount: 2 });
    expect(saves.at(-1)?.resume.text).toBe(resumeText);
  });

  it('keeps both documents as they were when a file fails, and says why', async () => {
    const { state } = harness([
      { ok: true, document: { kind: 'text', text: resumeText, truncated: false, notices: [] } },
      { ok: false, problem: { code: 'image', message: 'photo.pdf is a picture, not a document.' } },
    ]);
    await state.load();
    state.setText('jobDescription', 'Senior engineer, payments.');
    await state.readFile('resume', file('resume.txt'));
    await state.readFile('resume', file('photo.pdf'));
    expect(state.draft.resume.text).toBe(resumeText);
    expect(state.draft.jobDescription.text).toBe('Senior engineer, payments.');
    expect(state.status.resume.problem?.code).toBe('image');
    expect(state.status.jobDescription.problem).toBeNull();
  });

  it('holds a password-protected file, saved, until the right password opens it', async () => {
    const { state, saves, extract } = harness([
      { ok: false, problem: { code: 'needs-password', message: 'needs a password' } },
      { ok: false, problem: { code: 'wrong-password', message: 'wrong password' } },
      { ok: true, document: { kind: 'pdf', text: resumeText, pageCount: 1, truncated: false, notices: [] } },
    ]);
    await state.load();
    const locked = file('locked.pdf');
    await state.readFile('resume', locked);
    expect(state.draft.resume.pendingFile).toBe(locked);
    expect(saves.at(-1)?.resume.pendingFile).toBeInstanceOf(Blob);
    await state.submitPassword('resume', 'nope');
    expect(state.status.resume.problem?.code).toBe('wrong-password');
    await state.submitPassword('resume', 'secret');
    expect(extract).toHaveBeenLastCalledWith(locked, { password: 'secret' });
    expect(state.draft.resume.pendingFile).toBeUndefined();
    expect(state.draft.resume.text).toBe(resumeText);
  });

  it('asks again for the password of a file left waiting before a reload', async () => {
    const saved = { ...emptyDraft(), resume: { text: '', source: 'typed' as const, notices: [], fileName: 'locked.pdf', pendingFile: file('locked.pdf') } };
    const { state } = harness([], saved);
    await state.load();
    expect(state.status.resume.problem).toMatchObject({ code: 'needs-password', message: expect.stringContaining('locked.pdf') });
    expect(state.status.jobDescription.problem).toBeNull();
  });

  it('saves every change at once, one write at a time, the last change always last', async () => {
    const { state, saves } = harness([]);
    await state.load();
    state.setText('resume', 'typed by hand');
    state.setInstructions("I'm moving from teaching into software");
    state.setText('resume', 'typed by hand, then edited');
    await state.flush();
    expect(saves.length).toBeGreaterThanOrEqual(1);
    expect(saves.length).toBeLessThanOrEqual(2);
    expect(saves.at(-1)).toMatchObject({ resume: { text: 'typed by hand, then edited', source: 'typed' }, instructions: "I'm moving from teaching into software" });
  });

  it('copies every change synchronously to the backup, before the asynchronous save', async () => {
    const backups: DocumentsDraft[] = [];
    const state = new SetupState({ extract: vi.fn(), load: async () => undefined, save: () => new Promise(() => undefined), backup: (draft) => void backups.push(draft) });
    await state.load();
    state.setText('resume', 'typed a moment before the tab closed');
    expect(backups.at(-1)?.resume.text).toBe('typed a moment before the tab closed');
    expect(backups.at(-1)?.updatedAt).toBeGreaterThan(0);
  });

  it('says when the device will not save, and clears it once saving works again', async () => {
    let fail = true;
    const state = new SetupState({
      extract: async () => ({ ok: false, problem: { code: 'corrupt', message: '' } }),
      load: async () => undefined,
      save: async () => {
        if (fail) throw new DOMException('full', 'QuotaExceededError');
      },
    });
    await state.load();
    state.setText('resume', 'x');
    await state.flush();
    expect(state.saveError).toMatch(/out of storage space/);
    fail = false;
    state.setText('resume', 'xy');
    await state.flush();
    expect(state.saveError).toBeNull();
  });

  it('turns a reader crash into a problem instead of an exception', async () => {
    const state = new SetupState({
      extract: async () => {
        throw new Error('worker died');
      },
      load: async () => undefined,
      save: async () => undefined,
    });
    await state.load();
    await state.readFile('resume', file('resume.pdf'));
    expect(state.status.resume.problem).toMatchObject({ code: 'reader-failed', message: expect.stringContaining('resume.pdf') });
  });
});

describe('SetupState plan edits', () => {
  it('marks the plan as the candidate’s only when an edit changes it', async () => {
    const { state } = harness([]);
    await state.load();
    state.setPlan({ plan: planWith(['Kafka', 'Go']), basis: 'b', edited: false });
    state.editPlan((plan) => settleTopicName(plan, 't1', 'Kafka'));
    expect(state.draft.plan?.edited).toBe(false);
    state.editPlan((plan) => renameTopic(plan, 't1', 'Kafka '));
    expect(state.draft.plan?.edited).toBe(true);
    expect((state.draft.plan?.plan as { topics: { name: string }[] }).topics[0]?.name).toBe('Kafka ');
  });
});
