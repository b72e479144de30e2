// Tells what a file is from its bytes alone, never its name: the formats xquizit reads, and the ones it explains away.
// Pure and cheap: signatures, a text sample, and for ZIPs the entry names in the central directory; see detect.test.ts.
import { zipEntryNames, zipStoredEntryText } from './zip.ts';

/** Text encodings read, each recognised as in detectDocument. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Document formats refused with "save it as PDF or DOCX": old Word, other old Office, RTF, OpenDocument, Apple Pages. */
export type LegacyFormat = 'doc' | 'office97' | 'rtf' | 'odt' | 'pages';

/** Picture formats recognised, so a photo of a resume gets its own message. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'heic' | 'avif' | 'tiff' | 'bmp';

/** What a file's bytes say it is. */
export type Detection =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'text'; encoding: TextEncoding }
  | { kind: 'empty' }
  | { kind: 'legacy'; format: LegacyFormat }
  | { kind: 'image'; format: ImageFormat }
  /** A password-protected Word (or other Office) file: an OLE2 box holding an encrypted package. */
  | { kind: 'encrypted-office' }
  /** A ZIP whose directory cannot be read (cut short, overwritten); `docx` when its first entries show Word parts. */
  | { kind: 'damaged'; format: 'docx' | 'zip' }
  | { kind: 'unknown' };

/** How many leading bytes are checked to tell text from binary. */
export const TEXT_SAMPLE_BYTES = 64 * 1024;

/** Most control characters a text sample may hold, as a share of its characters. */
const MAX_CONTROL_SHARE = 0.01;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const PDF_WITHIN = 1024;
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** Decides what `bytes` hold. The order matters: signatures at offset 0 first, then "%PDF-" anywhere early, then text. */
export function detectDocument(bytes: Uint8Array): Detection {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return detectZip(bytes);
  if (startsWith(bytes, OLE2)) return detectOle2(bytes);
  if (startsWith(bytes, ascii('{\\rtf')) || startsWith(bytes, [...UTF8_BOM, ...ascii('{\\rtf')])) {
    return { kind: 'legacy', format: 'rtf' };
  }
  const image = imageFormat(bytes);
  if (image) return { kind: 'image', format: image };
  if (indexOf(bytes, ascii('%PDF-'), 0, PDF_WITHIN) >= 0) return { kind: 'pdf' };
  const encoding = textEncoding(bytes);
  if (encoding) return { kind: 'text', encoding };
  return { kind: 'unknown' };
}

function detectZip(bytes: Uint8Array): Detection {
  const directory = zipEntryNames(bytes);
  if (!directory.complete) {
    return { kind: 'damaged', format: directory.names.some((name) => name.startsWith('word/')) ? 'docx' : 'zip' };
  }
  const names = new Set(directory.names);
  if (directory.names.some((name) => /^word\/document\d*\.xml$/i.test(name))) return { kind: 'docx' };
  if (names.has('mimetype')) {
    const mimetype = zipStoredEntryText(bytes, 'mimetype', 128)?.trim();
    if (mimetype?.startsWith('application/vnd.oasis.opendocument.text')) return { kind: 'legacy', format: 'odt' };
    return { kind: 'unknown' };
  }
  if (names.has('Index/Document.iwa') || names.has('index.xml') || names.has('index.xml.gz')) {
    return { kind: 'legacy', format: 'pages' };
  }
  return { kind: 'unknown' };
}

// Warning: an encrypted .docx is not a ZIP but an OLE2 box, like an old .doc; only its stream names tell them apart.
function detectOle2(bytes: Uint8Array): Detection {
  if (indexOf(bytes, utf16le('EncryptedPackage')) >= 0) return { kind: 'encrypted-office' };
  if (indexOf(bytes, utf16le('WordDocument')) >= 0) return { kind: 'legacy', format: 'doc' };
  return { kind: 'legacy', format: 'office97' };
}

function imageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = latin1(bytes.subarray(8, 12));
    if (HEIF_BRANDS.has(brand)) return 'heic';
    if (AVIF_BRANDS.has(brand)) return 'avif';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // "BM" alone starts many words, so the reserved bytes and the header size must fit a bitmap too.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 18) {
    const reservedZero = bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0;
    const headerSize = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
    if (reservedZero && BMP_HEADER_SIZES.has(headerSize)) return 'bmp';
  }
  return undefined;
}

/** The encoding when a sample of the bytes decodes cleanly and reads as text; undefined for binary. */
function textEncoding(bytes: Uint8Array): TextEncoding | undefined {
  let encoding: TextEncoding = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else if (indexOf(bytes, [0x00], 0, TEXT_SAMPLE_BYTES) >= 0) return undefined;
  let sample: string;
  try {
    sample = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, TEXT_SAMPLE_BYTES), { stream: true });
  } catch {
    return undefined;
  }
  return mostlyPrintable(sample) ? encoding : undefined;
}

function mostlyPrintable(sample: string): boolean {
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F-\u009F]/g)?.length ?? 0;
  return controls <= sample.length * MAX_CONTROL_SHARE;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/** Where `needle` first occurs in `bytes[from, to)`, or -1. */
function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): number {
  const first = needle[0];
  if (first === undefined) return from;
  const last = Math.min(to, bytes.length) - needle.length;
  for (let i = bytes.indexOf(first, from); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function utf16le(text: string): number[] {
  return Array.from(text).flatMap((char) => [char.charCodeAt(0), 0]);
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
