// Without GEMINI_API_KEY, `pnpm eval:interview` says what it needs and stops cleanly, spending nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('stops with a plain message and exit code 0 when no key is set', () => {
  const { GEMINI_API_KEY: _key, ...env } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../interview.ts', import.meta.url))], { env, encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/needs GEMINI_API_KEY; it is not set, so nothing was run\./);
  // Starting tsx in a child process takes seconds on a busy machine.
}, 60_000);
