// Runs cli.ts as its own process: it must print one JSON line of working URLs and exit
// cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('prints the fakes URLs as one JSON line and stops on SIGTERM', async () => {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, FAKE_GEMINI_KEY: 'k1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const line = await lines.next();
  const urls = JSON.parse(String(line.value)) as { gemini: string; openai: string; runpod: string; endpointId: string };
  expect(urls.endpointId).toBe('fake-endpoint');
  expect(urls.gemini).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(urls.openai).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

  const gemini = await fetch(`${urls.gemini}/v1beta/models/m:generateContent`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'k1' },
    body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
  });
  expect(gemini.status).toBe(200);
  const openai = await fetch(`${urls.openai}/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] }),
  });
  expect(openai.status).toBe(200);
  const runpod = await fetch(`${urls.runpod}/v2/${urls.endpointId}/runsync`, {
    method: 'POST',
    headers: { authorization: 'Bearer fake-runpod-key' },
    body: JSON.stringify({ input: { audio_base64: 'AAAA' } }),
  });
  expect(runpod.status).toBe(200);

  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  expect(code).toBe(0);
}, 20_000);
