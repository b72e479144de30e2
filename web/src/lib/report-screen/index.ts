// Public face of the report screen: the coach's report (after the closing and from History), the trend across
// interviews for History, and the reactive session around a report actor.
export { default as ReportScreen } from './ReportScreen.svelte';
export { default as TrendChart } from './TrendChart.svelte';
export { ReportSession } from './report-session.svelte.ts';
export { practiceInstructions } from './practice-instructions.ts';
