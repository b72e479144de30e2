// Test helper: cuts a text into chunks of repeating sizes, as a stream would deliver it (unit tests only).

/** `text` in chunks whose sizes cycle through `sizes`. */
export function chunked(text: string, sizes: readonly number[]): string[] {
  const chunks: string[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
