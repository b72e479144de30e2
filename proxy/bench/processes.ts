// Child processes for the proxy benchmark: the fake Gemini and OpenAI-compatible server, the proxy, and nginx as a reference relay.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROXY_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE_TS = [process.execPath, '--import', 'tsx'];
// Linux reports process CPU time in clock ticks; 100 per second on every mainstream kernel build.
const CLOCK_TICKS = 100;

/** A started child with the base URL it serves. */
export interface Served {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The fakes' process: `url` is the fake Gemini's, `openaiUrl` the fake OpenAI-compatible server's (ending in /v1). */
export type Fakes = Served & { openaiUrl: string };

/** Starts the fake upstreams in their own process, every Gemini and chat call answered with `reply` (a clock reply). */
export async function startFakes(reply: unknown): Promise<Fakes> {
  const child = spawn(NODE_TS[0]!, [...NODE_TS.slice(1), 'test/fakes/cli.ts'], {
    cwd: PROXY_DIR,
    env: { ...process.env, FAKE_GEMINI_KEY: 'bench-key', FAKE_GEMINI_REPLY: JSON.stringify(reply), FAKE_OPENAI_REPLY: JSON.stringify(reply) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await firstLine(child, (text) => text.includes('"gemini"'));
  const urls = JSON.parse(line) as { gemini: string; openai: string };
  return { ...served(child, urls.gemini), openaiUrl: urls.openai };
}

/** Starts the naive relay baseline (bench/naive-relay.ts) pointed at `upstream`. */
export async function startNaiveRelay(upstream: string): Promise<Served> {
  const child = spawn(NODE_TS[0]!, [...NODE_TS.slice(1), 'bench/naive-relay.ts'], {
    cwd: PROXY_DIR,
    env: { PATH: process.env.PATH ?? '', UPSTREAM_URL: upstream },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await firstLine(child, (text) => text.includes('listening on'));
  return served(child, /listening on (\S+)/.exec(line)![1]!);
}

/** Starts the plain node:http relay baseline (bench/plain-relay.ts) pointed at `upstream`. */
export async function startPlainRelay(upstream: string): Promise<Served> {
  const child = spawn(NODE_TS[0]!, [...NODE_TS.slice(1), 'bench/plain-relay.ts'], {
    cwd: PROXY_DIR,
    env: { PATH: process.env.PATH ?? '', UPSTREAM_URL: upstream },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await firstLine(child, (text) => text.includes('listening on'));
  return served(child, /listening on (\S+)/.exec(line)![1]!);
}

/**
 * Starts the real proxy (src/main.ts) pointed at the fakes (Gemini at `upstream`, the OpenAI-compatible server at
 * `openaiUpstream`), with limits opened up for load; `dir` picks another checkout's proxy folder.
 */
export async function startProxy(upstream: string, { openaiUpstream, dir = PROXY_DIR }: { openaiUpstream?: string; dir?: string } = {}): Promise<Served> {
  const child = spawn(NODE_TS[0]!, [...NODE_TS.slice(1), 'src/main.ts'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      ENV_FILE: '/nonexistent',
      PORT: '0',
      GEMINI_API_KEY: 'bench-key',
      GEMINI_BASE_URL: upstream,
      ...(openaiUpstream ? { OPENAI_BASE_URL: openaiUpstream, OPENAI_MODEL: 'fake-model' } : {}),
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await firstLine(child, (text) => text.includes('listening on'));
  child.stdout?.resume();
  return served(child, /listening on (\S+)/.exec(line)![1]!);
}

/** True when Debian's nginx is installed. */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

/** Starts nginx as a plain unbuffered reverse proxy in front of `upstream` (the reference). */
export async function startNginx(upstream: string): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'xquizit-nginx-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
master_process off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  upstream fake { server ${new URL(upstream).host}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location /api/llm/gemini/ {
      proxy_pass http://fake/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_request_buffering off;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    try {
      readFileSync(join(dir, 'nginx.pid'));
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return served(child, `http://127.0.0.1:${port}`);
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Peak resident memory of a process in MiB (Linux VmHWM). */
export function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function served(child: ChildProcess, url: string): Served {
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function firstLine(child: ChildProcess, matches: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      const line = out.split('\n').find(matches);
      if (line) {
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before it was ready: ${out}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
