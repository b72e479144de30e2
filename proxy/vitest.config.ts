// Unit and socket-level tests of the proxy and the fake upstreams.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
