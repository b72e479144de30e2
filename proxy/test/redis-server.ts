// Test harness: a real redis-server of our own on a free port, with its data in a temp folder, never saved.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running redis-server. */
export interface TestRedis {
  url: string;
  port: number;
  /** Stops it (the data goes with it unless `keepDir`); `start` brings one back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Runs a command through redis-cli and returns its output. */
  cli(...args: string[]): Promise<string>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

const MISSING = 'redis-server is not installed: `apt-get install -y redis-server` (Debian) or `brew install redis`.';

/** Starts redis-server on a free loopback port; fails with an install hint when it is missing. */
export async function startTestRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'xquizit-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      started.once('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code === 'ENOENT' ? MISSING : String(error))));
      started.stdout?.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${out}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGKILL');
    await once(running, 'exit');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    cli: (...args) =>
      new Promise((resolve, reject) => {
        const cli = spawn('redis-cli', ['-p', String(port), ...args]);
        let out = '';
        cli.stdout.on('data', (chunk) => (out += String(chunk)));
        cli.once('error', reject);
        cli.once('exit', () => resolve(out));
      }),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
