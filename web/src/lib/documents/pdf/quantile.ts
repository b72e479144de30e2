// A tiny statistics helper for the layout's thresholds.

/** The value at share `q` (0 = smallest, 0.5 = median) of `values`; 0 when there are none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
