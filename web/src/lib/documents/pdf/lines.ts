// Runs grouped into visual lines: one baseline each (tolerant of jitter, superscripts and subscripts),
// read left to right, with spaces put back where pdf.js left a gap but no space character.

import type { Run } from './runs.ts';

/** A visual line: its runs in reading order and the text they make. */
export interface Line {
  runs: Run[];
  /** Space runs on this line's baseline: word-break marks only. */
  spaces: Run[];
  text: string;
  baseline: number;
  /** The largest font size on the line. */
  size: number;
  left: number;
  right: number;
  /** The widest gap between two runs: a tab stop or aligned column when many ems wide. */
  widestGap: number;
}

/** Baselines closer than this share a line, as a share of the font size. */
const BASELINE_JITTER = 0.2;
/** A smaller cluster overlapping a line by this share of its own height is a super- or subscript of it. */
const SCRIPT_OVERLAP = 0.5;
/** A run this much smaller than its neighbour line may be a script. */
const SCRIPT_SIZE = 0.9;
/** A gap wider than this share of the font size is a word break. */
const WORD_GAP = 0.15;
/** A narrower gap is one too when pdf.js put a space item in it; glyphs that touch never are. */
const HINTED_WORD_GAP = 0.05;

interface Cluster {
  runs: Run[];
  baseline: number;
  size: number;
}

/** Groups runs into lines, top of the page first. Space runs only mark word breaks. */
export function groupLines(runs: readonly Run[]): Line[] {
  const ink = runs.filter((run) => !run.space).sort((a, b) => b.baseline - a.baseline || a.left - b.left);
  const clusters: Cluster[] = [];
  for (const run of ink) {
    const last = clusters.at(-1);
    if (last && Math.abs(last.baseline - run.baseline) <= BASELINE_JITTER * Math.max(last.size, run.size)) {
      last.runs.push(run);
      last.size = Math.max(last.size, run.size);
    } else {
      clusters.push({ runs: [run], baseline: run.baseline, size: run.size });
    }
  }
  const merged = mergeScripts(clusters);
  const spaces = runs.filter((run) => run.space);
  return merged.map((cluster) => toLine(cluster, spaces));
}

/** The vertical extent of a cluster's glyphs, roughly from descender to ascender. */
function extent(cluster: Cluster): [number, number] {
  return [cluster.baseline - 0.25 * cluster.size, cluster.baseline + 0.75 * cluster.size];
}

function overlapShare(small: Cluster, big: Cluster): number {
  const [s0, s1] = extent(small);
  const [b0, b1] = extent(big);
  return Math.max(0, Math.min(s1, b1) - Math.max(s0, b0)) / (s1 - s0);
}

/** Folds clusters of smaller text that sit inside a neighbouring line's height into that line. */
function mergeScripts(clusters: Cluster[]): Cluster[] {
  const result = [...clusters];
  for (let i = 0; i < result.length; i++) {
    const small = result[i]!;
    const candidates = [i - 1, i + 1]
      .map((j) => ({ j, big: result[j] }))
      .filter((c): c is { j: number; big: Cluster } => c.big !== undefined && small.size < SCRIPT_SIZE * c.big.size)
      .map((c) => ({ ...c, share: overlapShare(small, c.big) }))
      .filter((c) => c.share >= SCRIPT_OVERLAP)
      .sort((a, b) => b.share - a.share);
    const best = candidates[0];
    if (!best) continue;
    best.big.runs.push(...small.runs);
    result.splice(i, 1);
    // The grown line may now take a script from its other side: look again from just before it.
    i = Math.max(-1, Math.min(i, best.j) - 2);
  }
  return result;
}

function toLine(cluster: Cluster, spaces: readonly Run[]): Line {
  const rtl = cluster.runs.filter((run) => run.rtl).length * 2 > cluster.runs.length;
  const ordered = [...cluster.runs].sort((a, b) => (rtl ? b.right - a.right : a.left - b.left));
  const runs = dropOverprint(ordered);
  const left = Math.min(...runs.map((run) => run.left));
  const right = Math.max(...runs.map((run) => run.right));
  const lineSpaces = spaces.filter(
    (space) =>
      Math.abs(space.baseline - cluster.baseline) <= BASELINE_JITTER * cluster.size + 0.5 &&
      space.right >= left &&
      space.left <= right,
  );
  return {
    runs,
    spaces: lineSpaces,
    text: joinRuns(runs, lineSpaces, rtl),
    baseline: cluster.baseline,
    size: cluster.size,
    left,
    right,
    widestGap: widestGap(runs),
  };
}

function widestGap(runs: readonly Run[]): number {
  let widest = 0;
  for (let i = 1; i < runs.length; i++) widest = Math.max(widest, runs[i]!.left - runs[i - 1]!.right);
  return widest;
}

/** Drops a run drawn again on top of the previous one (fake bold, shadows). */
function dropOverprint(runs: Run[]): Run[] {
  return runs.filter((run, i) => {
    const previous = runs[i - 1];
    return !previous || previous.text !== run.text || Math.abs(previous.left - run.left) > 0.2 * run.size;
  });
}

/** Concatenates a line's runs, adding one space at each word gap. */
export function joinRuns(runs: readonly Run[], spaces: readonly Run[], rtl = false): string {
  let text = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const previous = runs[i - 1];
    if (previous && !/\s$/.test(text) && !/^\s/.test(run.text) && isWordBreak(previous, run, spaces, rtl)) text += ' ';
    text += run.text;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function isWordBreak(previous: Run, run: Run, spaces: readonly Run[], rtl: boolean): boolean {
  const [first, second] = rtl ? [run, previous] : [previous, run];
  const gap = second.left - first.right;
  const size = Math.min(first.size, second.size);
  if (gap > WORD_GAP * size) return true;
  if (gap < HINTED_WORD_GAP * size) return false;
  const middle = (first.right + second.left) / 2;
  return spaces.some((space) => space.left <= middle + 0.5 && space.right >= middle - 0.5 && space.right - space.left > 0.5);
}
