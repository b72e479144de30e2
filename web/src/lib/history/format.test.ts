// Table tests for the history's formatting helpers.
import { describe, expect, it } from 'vitest';
import { canContinue, exportFileName, formatBytes, formatLength, statusLabel } from './format.ts';
import { displayTitle } from './title.ts';

describe('format', () => {
  it.each([
    [0, '0 s'],
    [40_400, '40 s'],
    [125_000, '2 min'],
    [3_900_000, '1 h 5 min'],
  ])('formatLength(%d) = %s', (ms, text) => expect(formatLength(ms)).toBe(text));

  it.each([
    ['in-progress', 'In progress', true],
    ['concluded', 'Concluded', false],
    ['failed', 'Stopped by an error', true],
  ] as const)('status %s reads "%s"; continued from the history: %s', (status, label, continued) => {
    expect(statusLabel(status)).toBe(label);
    expect(canContinue(status)).toBe(continued);
  });

  it.each([
    [512, '512 B'],
    [1_500, '1.5 kB'],
    [12_345_678, '12 MB'],
    [2_000_000_000, '2.0 GB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    ['Senior Backend Engineer at Acme Pay', 'md', 'xquizit-senior-backend-engineer-at-acme-pay-2025-03-04.md'],
    ['Café / Ünïcode!!', 'json', 'xquizit-cafe-unicode-2025-03-04.json'],
    ['???', 'md', 'xquizit-2025-03-04.md'],
  ] as const)('exportFileName(%j)', (title, ext, name) => expect(exportFileName(title, Date.UTC(2025, 2, 4, 12), ext, { timeZone: 'UTC' })).toBe(name));

  it.each([
    [{ title: 'Mine', role: 'R', company: 'C' }, 'Mine'],
    [{ title: null, role: 'R', company: 'C' }, 'R at C'],
    [{ title: null, role: 'R', company: null }, 'R'],
    [{ title: null, role: null, company: null }, 'Untitled interview'],
  ])('displayTitle(%j) = %s', (summary, text) => expect(displayTitle(summary)).toBe(text));
});
