// A tiny read-only ZIP directory reader for type detection: entry names and small stored entries, no decompression.
// Pure; mammoth (through JSZip) does the real unzipping later, only for files that turn out to be DOCX.

/** The entry names found, and whether they came from a readable central directory. */
export interface ZipDirectory {
  names: string[];
  /** False when the central directory was missing or broken; `names` then lists what the local headers showed. */
  complete: boolean;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** More entries than any document has; a cap so a hostile directory cannot make detection slow. */
const MAX_ENTRIES = 10_000;

/** Lists the entry names of the ZIP in `bytes` from its central directory, or, failing that, from its local headers. */
export function zipEntryNames(bytes: Uint8Array): ZipDirectory {
  const names = centralDirectoryNames(bytes);
  return names ? { names, complete: true } : { names: localHeaderNames(bytes), complete: false };
}

/** The text of a small entry stored without compression (such as an OpenDocument `mimetype`), or undefined. */
export function zipStoredEntryText(bytes: Uint8Array, name: string, maxLength: number): string | undefined {
  for (const entry of centralDirectoryEntries(bytes) ?? []) {
    if (entry.name !== name) continue;
    const at = entry.localHeaderOffset;
    if (u32(bytes, at) !== LOCAL_HEADER || u16(bytes, at + 8) !== 0) return undefined;
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const size = Math.min(u32(bytes, at + 18), maxLength);
    return latin1(bytes.subarray(start, start + size));
  }
  return undefined;
}

interface DirectoryEntry {
  name: string;
  localHeaderOffset: number;
}

function centralDirectoryNames(bytes: Uint8Array): string[] | undefined {
  return centralDirectoryEntries(bytes)?.map((entry) => entry.name);
}

function centralDirectoryEntries(bytes: Uint8Array): DirectoryEntry[] | undefined {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return undefined;
  let directoryEnd = end;
  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let declaredOffset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || declaredOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) return undefined;
    directoryEnd = u64(bytes, locator + 8);
    if (u32(bytes, directoryEnd) !== ZIP64_END_OF_DIRECTORY) return undefined;
    count = u64(bytes, directoryEnd + 32);
    size = u64(bytes, directoryEnd + 40);
    declaredOffset = u64(bytes, directoryEnd + 48);
  }
  // A ZIP with bytes before it (a self-extractor, a stray header) counts its offsets from its own start.
  const offset = count > 0 && u32(bytes, declaredOffset) !== DIRECTORY_ENTRY ? directoryEnd - size : declaredOffset;
  const shift = offset - declaredOffset;
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (at < 0 || at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = u16(bytes, at + 28);
    const name = latin1(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, localHeaderOffset: u32(bytes, at + 42) + shift });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** Names from the local headers, walked from the start until the bytes run out. */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at >= 0 && at + 30 <= bytes.length && names.length < MAX_ENTRIES && u32(bytes, at) === LOCAL_HEADER) {
    const nameLength = u16(bytes, at + 26);
    names.push(latin1(bytes.subarray(at + 30, at + 30 + nameLength)));
    const dataStart = at + 30 + nameLength + u16(bytes, at + 28);
    const sizeFollowsData = (u16(bytes, at + 6) & 0x08) !== 0;
    const compressedSize = u32(bytes, at + 18);
    // Streamed entries (LibreOffice, many zip libraries) give their size only after the data: find the next header.
    at = sizeFollowsData && compressedSize === 0 ? nextLocalHeader(bytes, dataStart) : dataStart + compressedSize;
  }
  return names;
}

function nextLocalHeader(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x50, from); at >= 0; at = bytes.indexOf(0x50, at + 1)) {
    if (u32(bytes, at) === LOCAL_HEADER) return at;
  }
  return -1;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
