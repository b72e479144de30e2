// Public face of server status: the reactive controller and the pure wording of the health report.
export { ServerStatus, TOKEN_REJECTED, type ServerStatusDeps, type StatusPhase } from './controller.svelte.ts';
export { classifyHealthFailure, NOT_CONFIGURED, summarizeHealth, type AccessState, type HealthFailure, type HealthSummary } from './summary.ts';
