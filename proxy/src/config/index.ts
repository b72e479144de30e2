// Public face of the proxy configuration.
export { parseConfig, isLoopbackHost, secretsOf, ConfigError } from './config.ts';
export type { ProxyConfig, GeminiConfig, LlmProviderId, OpenAiConfig, RunpodConfig, RedisConfig } from './config.ts';
export { withEnvFile } from './env-file.ts';
