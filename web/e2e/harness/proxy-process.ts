// Starts the real proxy (proxy/src/main.ts through tsx) as a child process on a free port, and stops it.
// The child gets a clean environment: the developer's own keys or tokens never leak into a spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROXY_DIR, WEB_DIST } from './paths.ts';

/** Environment variables the proxy reads; all are reset for the child so neither the shell nor `.env` leaks in. */
export const PROXY_ENV_NAMES = [
  'PORT',
  'HOST',
  'WEB_DIST',
  'MODELS_DIR',
  'XQUIZIT_DEMO',
  'ALLOW_OPEN_PROXY',
  'GEMINI_API_KEY',
  'GEMINI_MODEL',
  'GEMINI_MODELS',
  'GEMINI_BASE_URL',
  'GEMINI_MAX_OUTPUT_TOKENS',
  'OPENAI_BASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_MODEL',
  'OPENAI_MODELS',
  'OPENAI_MAX_OUTPUT_TOKENS',
  'LLM_PROVIDER',
  'RUNPOD_API_KEY',
  'RUNPOD_ENDPOINT_ID',
  'RUNPOD_BASE_URL',
  'RUNPOD_POLL_INTERVAL_MS',
  'PROXY_TOKENS',
  'ALLOWED_ORIGINS',
  'RATE_LIMIT_PER_MINUTE',
  'TOKEN_DAILY_REQUESTS',
  'REDIS_URL',
  'REDIS_FAIL_OPEN',
  'MAX_BODY_BYTES',
  'UPSTREAM_TIMEOUT_MS',
  'SHUTDOWN_GRACE_MS',
  'ENV_FILE',
] as const;

/** Extra or overriding environment for one proxy; `undefined` leaves a variable unset. */
export type ProxyEnv = Record<string, string | undefined>;

/** A running proxy child process. */
export interface RunningProxy {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

const READY_LINE = /xquizit proxy listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** Spawns the proxy and resolves once it prints its "listening on" line. */
export async function startProxy(env: ProxyEnv = {}): Promise<RunningProxy> {
  const webDist = env.WEB_DIST ?? WEB_DIST;
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`No built app at ${webDist}: run \`pnpm --filter @xquizit/web build\` first (or \`pnpm test:e2e\`).`);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROXY_DIR,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The proxy did not say it was listening within ${START_TIMEOUT_MS} ms. Output:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The proxy exited before listening (code ${code}, signal ${signal}). Output:\n${output}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  return { url, output: () => output, stop: () => stopChild(child) };
}

function childEnv(overrides: ProxyEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // An empty value counts as unset for the proxy and wins over proxy/.env, so a developer's keys stay out.
  for (const name of PROXY_ENV_NAMES) env[name] = '';
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    WEB_DIST,
    SHUTDOWN_GRACE_MS: '500',
    // Specs reload and retry a lot from one address; the limit is tested in the proxy's own tests.
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  for (const [name, value] of Object.entries(overrides)) env[name] = value ?? '';
  // Playwright's own loader hooks ride in NODE_OPTIONS; the proxy must run as `pnpm start` runs it.
  delete env.NODE_OPTIONS;
  return env;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
