// Test helper: hand-made runs and lines for the layout's table tests, in PDF points, y growing upwards.
import { groupLines, type Line } from './lines.ts';
import type { Run } from './runs.ts';

/** A run of `text` starting at `left` on `baseline`; its width is half an em per character unless given. */
export function run(text: string, left: number, baseline: number, options: Partial<Omit<Run, 'text'>> = {}): Run {
  const size = options.size ?? 10;
  return {
    text,
    left,
    right: options.right ?? left + text.length * size * 0.5,
    baseline,
    size,
    space: options.space ?? text.trim() === '',
    rtl: options.rtl ?? false,
  };
}

/** Lines of words laid out left-aligned at `left`, one per entry, `pitch` points apart from `top` down. */
export function column(texts: readonly string[], left: number, top: number, pitch = 12, size = 10): Run[] {
  return texts.map((text, i) => run(text, left, top - i * pitch, { size }));
}

/** The lines the layout builds from `runs`, for paragraph tests. */
export function linesOf(runs: readonly Run[]): Line[] {
  return groupLines(runs);
}
