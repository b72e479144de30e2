// The folders under src/lib import one another one way only (speech's parts counted as folders of their own), and
// the speech worker's program never imports the host that starts it (the worker would bundle itself).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = dirname(fileURLToPath(import.meta.url));
/** Folders whose sub-folders are parts in their own right. */
const FOLDERS_WITH_PARTS = new Set(['speech']);

/** Every source file under src/lib but the tests and their data, relative to it. */
function sourceFiles(): string[] {
  return readdirSync(LIB, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|svelte)$/.test(file) && !/\.test\.ts$/.test(file) && !/(^|\/)(testdata|testing)\//.test(file))
    .map((file) => file.split('\\').join('/'));
}

/** The files `file` imports (static and dynamic imports with a relative path), relative to src/lib. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(LIB, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(LIB, resolve(LIB, dirname(file), specifier)).split('\\').join('/')).filter((target) => !target.startsWith('..'));
}

/** The part a file belongs to: its top folder, or its top two for a folder with parts ('.' for files at the top). */
function partOf(file: string): string {
  const folders = file.split('/').slice(0, -1);
  if (folders.length === 0) return '.';
  return FOLDERS_WITH_PARTS.has(folders[0]!) ? folders.slice(0, 2).join('/') : folders[0]!;
}

/** The parts' import graph: part → the parts it imports, with one file that does. */
function partGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles()) {
    for (const target of importsOf(file)) {
      const from = partOf(file);
      const to = partOf(target);
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file} → ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every import circle among the parts, each as the files that close it (Tarjan's strongly connected components). */
function circles(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (part: string): void => {
    index.set(part, index.size);
    low.set(part, index.get(part)!);
    stack.push(part);
    for (const next of graph.get(part)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(part, Math.min(low.get(part)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(part, Math.min(low.get(part)!, index.get(next)!));
      }
    }
    if (low.get(part) !== index.get(part)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === part ? undefined : stack.pop()) component.push(member);
    if (component.length > 1) found.push(component.flatMap((member) => [...(graph.get(member) ?? [])].filter(([to]) => component.includes(to)).map(([, why]) => why)));
  };
  for (const part of graph.keys()) if (!index.has(part)) visit(part);
  return found;
}

/** Every file `entry` reaches through its imports, `entry` included. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

describe('how the folders under src/lib import one another', () => {
  it('finds a circle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts → b/y.ts']])],
      ['b', new Map([['c', 'b/y.ts → c/z.ts']])],
      ['c', new Map([['a', 'c/z.ts → a/x.ts']])],
    ]);
    expect(circles(graph)).toEqual([['c/z.ts → a/x.ts', 'b/y.ts → c/z.ts', 'a/x.ts → b/y.ts']]);
    expect(circles(new Map([['a', new Map([['b', 'a/x.ts → b/y.ts']])]]))).toEqual([]);
  });

  it('has no import circle between folders', () => {
    expect(partGraph().size).toBeGreaterThan(10);
    expect(circles(partGraph())).toEqual([]);
  });

  it('keeps the speech worker program away from the host that starts it', () => {
    const files = reachable('speech/speech.worker.ts');
    expect(files).toContain('speech/tts/kokoro.handler.ts');
    expect(files).toContain('speech/stt/engines/device/recognizer.handler.ts');
    expect([...files].filter((file) => file.startsWith('speech/worker/') && !['speech/worker/runtime.ts', 'speech/worker/protocol.ts', 'speech/worker/lanes.ts'].includes(file))).toEqual([]);
  });
});
