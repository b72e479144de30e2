// Test helper: reads fixture files, this folder's own and the shared ones in shared/ beside the repository.
import { readFile } from 'node:fs/promises';

/** This folder: the documents' own fixtures and reference texts. */
export const OWN = new URL('./', import.meta.url);
// Warning: shared/ sits beside the repository root (web/ is one level below it), in CI as on a developer's machine.
/** The project's shared document fixtures. */
export const SHARED = new URL('../../../../../../shared/fixtures/documents/', import.meta.url);

/** The bytes of a fixture in testdata/. */
export async function readFixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await readFile(new URL(name, OWN)));
}

/** The bytes of a fixture in shared/fixtures/documents/. */
export async function readSharedFixture(name: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await readFile(new URL(name, SHARED)));
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
