// The proxy's command-line entry: config from the environment and .env, then serve until SIGTERM.
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig, withEnvFile } from './config/index.ts';
import { startProxy } from './server.ts';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const ENV_FILE = fileURLToPath(new URL('../../.env', import.meta.url));

/** Reads config, starts the proxy, prints its URL; exits 1 with one line when the config is bad. */
export async function runFromEnvironment(overrides: Record<string, string> = {}): Promise<void> {
  let config;
  try {
    config = parseConfig({ WEB_DIST: DEFAULT_WEB_DIST, ...withEnvFile(process.env, process.env.ENV_FILE ?? ENV_FILE), ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`xquizit proxy: ${error.message}\n`);
    process.exit(1);
  }
  const proxy = await startProxy(config).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use: set PORT to a free one` : String(error);
    process.stderr.write(`xquizit proxy: cannot listen: ${reason}\n`);
    process.exit(1);
  });
  process.stdout.write(`xquizit proxy listening on ${proxy.url}${config.demo ? ' (demo mode)' : ''}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('xquizit proxy: stopping, letting open streams finish\n');
    void proxy.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runFromEnvironment();
