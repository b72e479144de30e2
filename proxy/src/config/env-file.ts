// Reads a `.env` file into a plain object; the process environment always wins over it.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** Merges `.env` (when the file exists) under the given environment. */
export function withEnvFile(env: NodeJS.ProcessEnv, path: string): Record<string, string | undefined> {
  if (!existsSync(path)) return { ...env };
  const fromFile = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  return { ...fromFile, ...env };
}
