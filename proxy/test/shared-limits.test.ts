// Request limits shared through a real redis-server: two proxy processes hold one budget together, and a
// Redis that cannot be reached is reported in health and refused (or let through under local limits) as set.
import { once } from 'node:events';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthBody } from '../src/routes/health.ts';
import { listeningUrl, spawnProxy } from './proxy-process.ts';
import { startTestRedis, type TestRedis } from './redis-server.ts';
import { startStack } from './stack.ts';

const TOKENS = ['shared-token-7d1c02', 'other-token-52ea9b'] as const;

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis?.close());

/** The status of one cheap /api call (an unknown route: 404 once the gate lets it through). */
async function gateStatus(baseUrl: string, token: string): Promise<{ status: number; code?: string; retryAfter: string | null }> {
  const res = await fetch(`${baseUrl}/api/nothing-here`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { error?: { code?: string } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') };
}

async function health(baseUrl: string): Promise<HealthBody> {
  return (await (await fetch(`${baseUrl}/api/health`)).json()) as HealthBody;
}

describe('two proxy processes sharing one Redis', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    await redis.cli('FLUSHALL');
    const env = { REDIS_URL: redis.url, PROXY_TOKENS: TOKENS.join(','), RATE_LIMIT_PER_MINUTE: '3', TOKEN_DAILY_REQUESTS: '5' };
    children.push(spawnProxy(env), spawnProxy(env));
    urls = await Promise.all(children.map(listeningUrl));
  });
  afterAll(async () => {
    await Promise.all(children.map(async (child) => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }));
  });

  it('both report the shared store in health', async () => {
    for (const url of urls) {
      expect((await health(url)).limits).toEqual({ store: 'redis', perMinute: 3, dailyRequests: 5, reachable: true, whenUnreachable: 'refuse' });
    }
  });

  it('hold the per-minute limit and the daily budget together, per token', async () => {
    const [a, b] = urls as [string, string];
    const [token, other] = TOKENS;
    // Three calls spread over both instances use up the minute; the fourth is refused by either.
    expect([await gateStatus(a, token), await gateStatus(b, token), await gateStatus(a, token)].map((r) => r.status)).toEqual([404, 404, 404]);
    const minute = await gateStatus(b, token);
    expect(minute).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(minute.retryAfter)).toBeGreaterThan(0);
    expect(await gateStatus(a, token)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((await gateStatus(b, other)).status).toBe(404);

    // A new minute (its counters removed, as their expiry would): two more calls reach the daily budget of five.
    await startNewMinute();
    expect([(await gateStatus(b, token)).status, (await gateStatus(a, token)).status]).toEqual([404, 404]);
    const day = await gateStatus(b, token);
    expect(day).toMatchObject({ status: 429, code: 'daily_limit_reached' });
    expect(Number(day.retryAfter)).toBeGreaterThan(23 * 3600);
    await startNewMinute();
    expect(await gateStatus(a, token)).toMatchObject({ status: 429, code: 'daily_limit_reached' });
    expect((await gateStatus(a, other)).status).toBe(404);
  });

  async function startNewMinute(): Promise<void> {
    const minuteKeys = (await redis.cli('--scan', '--pattern', 'xquizit:limits:minute:*')).split('\n').filter(Boolean);
    expect(minuteKeys.length).toBeGreaterThan(0);
    await redis.cli('DEL', ...minuteKeys);
  }

  it('never stores a token in a Redis key', async () => {
    const keys = await redis.cli('--scan', '--pattern', '*');
    expect(keys).toContain('xquizit:limits:day:token:');
    for (const token of TOKENS) expect(keys).not.toContain(token);
  });
});

describe('a Redis that cannot be reached', () => {
  let down: TestRedis;
  beforeAll(async () => {
    down = await startTestRedis();
    await down.stop();
  });
  afterAll(() => down.close());

  it('is reported in health and, by default, refused with 503 until it is back', async () => {
    const stack = await startStack({ REDIS_URL: down.url, PROXY_TOKENS: TOKENS[0] });
    try {
      expect((await health(stack.proxy.url)).limits).toMatchObject({ store: 'redis', reachable: false, whenUnreachable: 'refuse' });
      const refused = await gateStatus(stack.proxy.url, TOKENS[0]);
      expect(refused).toMatchObject({ status: 503, code: 'limits_unavailable', retryAfter: '10' });
      expect(stack.logs.join('\n')).toContain(`Redis at 127.0.0.1:${down.port} is unreachable (ECONNREFUSED): API calls are refused`);

      await down.start();
      await expect.poll(async () => (await health(stack.proxy.url)).limits, { timeout: 5000 }).toMatchObject({ reachable: true });
      expect((await gateStatus(stack.proxy.url, TOKENS[0])).status).toBe(404);
      expect(stack.logs.join('\n')).toContain(`Redis at 127.0.0.1:${down.port} is reachable`);
    } finally {
      await stack.close();
      await down.stop();
    }
  });

  it('with REDIS_FAIL_OPEN=1 lets calls through under this instance’s own limits', async () => {
    const stack = await startStack({ REDIS_URL: down.url, REDIS_FAIL_OPEN: '1', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      expect((await health(stack.proxy.url)).limits).toMatchObject({ reachable: false, whenUnreachable: 'per-instance' });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await gateStatus(stack.proxy.url, 'no-token-needed')).status);
      expect(statuses).toEqual([404, 404, 429]);
      expect(stack.logs.join('\n')).toContain('each instance limits requests on its own until it is back (REDIS_FAIL_OPEN=1)');
    } finally {
      await stack.close();
    }
  });

  it('never logs the password in REDIS_URL', async () => {
    await down.start();
    await down.cli('CONFIG', 'SET', 'requirepass', 'right-pass-3e8a');
    const password = 'wrong-pass-9c4f17';
    const stack = await startStack({ REDIS_URL: `redis://:${password}@127.0.0.1:${down.port}` });
    try {
      expect((await health(stack.proxy.url)).limits).toMatchObject({ reachable: false });
      expect((await gateStatus(stack.proxy.url, 'x')).status).toBe(503);
      expect(stack.logs.join('\n')).toMatch(/Redis at 127\.0\.0\.1:\d+ is unreachable/);
      expect(stack.logs.join('\n')).not.toContain(password);
    } finally {
      await stack.close();
      await down.stop();
    }
  });
});
