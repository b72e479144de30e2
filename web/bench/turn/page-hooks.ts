// What `pnpm bench:turn` does inside the page: notes when Send and Done are pressed and when the microphone's stream
// opens (installed before the app loads, observing the app's own controls), presses Done at a set moment after the
// candidate's last word (Done sends the answer itself, as soon as the spoken words have landed).
import type { Page } from '@playwright/test';

/** What the hooks noted, epoch milliseconds. */
export interface PageMarks {
  sends: number[];
  dones: number[];
  streams: number[];
}

type HookWindow = { __turnBench: PageMarks };

/** Installs the hooks; call before page.goto. */
export async function installTurnHooks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: PageMarks = { sends: [], dones: [], streams: [] };
    (window as unknown as HookWindow).__turnBench = marks;
    // Warning: no named function constants in here: tsx would wrap them in a `__name` helper the page does not have.
    // Capture phase: noted before the app's own handlers run.
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter' && !event.shiftKey && event.target instanceof Element && event.target.closest('[data-testid="answer"]')) marks.sends.push(Date.now());
      },
      true,
    );
    document.addEventListener(
      'click',
      (event) => {
        if (!(event.target instanceof Element)) return;
        if (event.target.closest('[data-testid="send-answer"]')) marks.sends.push(Date.now());
        if (event.target.closest('[data-testid="mic-done"]')) marks.dones.push(Date.now());
      },
      true,
    );
    const media = navigator.mediaDevices;
    if (media?.getUserMedia) {
      const open = media.getUserMedia.bind(media);
      media.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        marks.streams.push(Date.now());
        return stream;
      };
    }
  });
}

/** Reads what the hooks noted. */
export function readPageMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(() => (window as unknown as HookWindow).__turnBench);
}

/**
 * Presses Done `doneAfterMs` after the last word (`lastWordSeconds` into the microphone's file, counted from when its
 * stream opened); Done sends the answer as soon as its words are in (the app's default). Resolves with Done's time.
 */
export function pressDone(page: Page, lastWordSeconds: number, doneAfterMs: number): Promise<number> {
  return page.evaluate(
    async ([lastWord, after]) => {
      const marks = (window as unknown as HookWindow).__turnBench;
      const opened = marks.streams.at(-1);
      if (opened === undefined) throw new Error('The microphone never opened.');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, opened + lastWord * 1000 + after - Date.now())));
      const done = document.querySelector<HTMLButtonElement>('[data-testid="mic-done"]');
      if (!done) throw new Error('No Done button: the microphone stopped before the answer ended.');
      const doneAt = Date.now();
      done.click();
      return doneAt;
    },
    [lastWordSeconds, doneAfterMs] as const,
  );
}
