// Build-time compression: copies only where they pay, and they decode to the original bytes.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

describe('precompressDir', () => {
  it('writes .br and .gz beside compressible files that shrink, in every folder, and nothing else', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'xquizit-precompress-'));
    mkdirSync(join(dist, 'assets'));
    const script = Buffer.from(`export const words = ${JSON.stringify('interview '.repeat(500))};`);
    writeFileSync(join(dist, 'assets', 'app.js'), script);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>xquizit</title>'.repeat(20));
    // Random bytes do not shrink: no copy is kept.
    writeFileSync(join(dist, 'assets', 'noise.js'), randomBytes(4096));
    // Not a compressible kind: left alone.
    writeFileSync(join(dist, 'icon.png'), Buffer.alloc(4096));

    expect(await precompressDir(dist)).toEqual({ files: 3, copies: 4 });
    expect(brotliDecompressSync(readFileSync(join(dist, 'assets', 'app.js.br'))).equals(script)).toBe(true);
    expect(gunzipSync(readFileSync(join(dist, 'assets', 'app.js.gz'))).equals(script)).toBe(true);
    expect(existsSync(join(dist, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dist, 'assets', 'noise.js.br'))).toBe(false);
    expect(existsSync(join(dist, 'icon.png.br'))).toBe(false);
  });
});
