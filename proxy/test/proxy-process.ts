// Test harness: the proxy as a child process (src/main.ts), and the URL it prints once it listens.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROXY_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Starts `src/main.ts` with only PATH and `env` (no .env file), on a free port unless `env` says otherwise. */
export function spawnProxy(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(TSX, ['src/main.ts'], { cwd: PROXY_DIR, env: { PATH: process.env.PATH ?? '', ENV_FILE: '/nonexistent', PORT: '0', ...env } });
}

/** Resolves with the URL the proxy prints. Keeps reading stdout after that: a closed pipe would kill the child on its next log line. */
export function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', () => reject(new Error(`proxy exited before listening: ${out}`)));
  });
}
