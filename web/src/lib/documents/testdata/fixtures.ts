// Test helper: reads the document fixtures and reference texts in this folder (sources and licences in README.md).
import { readFile } from 'node:fs/promises';

/** This folder: the documents' fixtures and reference texts. */
export const OWN = new URL('./', import.meta.url);

/** The bytes of a fixture in testdata/. */
export async function readFixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await readFile(new URL(name, OWN)));
}

/** The text of a reference file in testdata/. */
export async function readReference(name: string): Promise<string> {
  return readFile(new URL(name, OWN), 'utf8');
}

/** A fresh ArrayBuffer holding exactly `bytes` (a Node Buffer's may be a slice of a larger pool). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
