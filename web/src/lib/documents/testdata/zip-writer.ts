// Test helper: writes small ZIP archives with stored (uncompressed) entries, for detection tests.
// Warning: CRCs are left at zero; the detection reader never checks them, a real unzipper would refuse these files.

/** Options for makeStoredZip. */
export interface ZipWriterOptions {
  /** Bytes put before the archive, as a self-extractor has. */
  prefix?: Uint8Array;
}

/** A ZIP holding `entries` (name → text), each stored without compression, in the given order. */
export function makeStoredZip(entries: ReadonlyArray<readonly [string, string]>, options: ZipWriterOptions = {}): Uint8Array {
  const encoder = new TextEncoder();
  const prefix = options.prefix ?? new Uint8Array();
  const locals: number[] = [];
  const central: number[] = [];
  for (const [name, text] of entries) {
    const nameBytes = [...encoder.encode(name)];
    const data = [...encoder.encode(text)];
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    locals.push(...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    central.push(...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0));
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const end = [
    ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length),
    ...u32(central.length), ...u32(locals.length), ...u16(0),
  ];
  return new Uint8Array([...prefix, ...locals, ...central, ...end]);
}

function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

function u32(value: number): number[] {
  return [...u16(value & 0xffff), ...u16(value >>> 16)];
}
