// What a list of interviews shows without reading snapshots: role and company guessed from the job description,
// times and the question count. Pure; computed when a record is saved (and by the version-3 migration).

/** Facts about one interview, stored next to its snapshot so a list never digs into it. */
export interface InterviewFacts {
  role: string | null;
  company: string | null;
  startedAt: number | null;
  endedAt: number | null;
  /** When the last transcript entry was made; null before any. */
  lastActivityAt: number | null;
  /** Questions the candidate answered (a question left unanswered by ending early is not one); absent in facts saved before it was kept. */
  answeredCount?: number;
}

/** A role and a company read from the top of a job description; either may be null. */
export interface RoleAndCompany {
  role: string | null;
  company: string | null;
}

const ROLE_LABEL = /^(?:job\s+title|title|role|position|job)\s*[:：–—-]\s*(.+)$/i;
const COMPANY_LABEL = /^(?:company(?:\s+name)?|employer|organi[sz]ation|client)\s*[:：–—-]\s*(.+)$/i;
const ROLE_WORDS =
  /\b(engineer|developer|manager|designer|analyst|scientist|lead|director|architect|intern|specialist|consultant|administrator|officer|head|coordinator|associate|representative|writer|researcher|programmer|technician|sre|devops|product|owner|recruiter|accountant|nurse|teacher|assistant|vp|cto|ceo)\b/i;
// Words that make a name a team or a part of a company, not the company ("Payments Platform", "Growth Team").
const TEAM_WORDS = /\b(team|platform|squad|group|department|division|tribe|unit|org)\b/i;
// Headings and facts that sit where a company name might ("About the role", "Remote", "Full time").
const NOT_A_COMPANY = /^(the|us|you|this|our|we|remote|hybrid|on-?site|full[\s-]?time|part[\s-]?time|contract|permanent|location|salary)\b/i;
const MAX_ROLE_WORDS = 8;
const MAX_COMPANY_WORDS = 6;
const MAX_FALLBACK_CHARS = 80;

/** Guesses the role and company from a job description's first lines ("Role at Company", "Company: X / Title: Y"...), else the first line as the role. */
export function guessRoleAndCompany(jobDescription: string): RoleAndCompany {
  const lines = jobDescription
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((line) => line.length > 0)
    .slice(0, 12);
  const first = lines[0];
  if (first === undefined) return { role: null, company: null };

  const segments = lines.flatMap((line) => line.split(/\s+[/|•·]\s+|;\s*/)).map((segment) => segment.trim());
  const labelledRole = firstMatch(segments, ROLE_LABEL);
  const labelledCompany = firstMatch(segments, COMPANY_LABEL);
  if (labelledRole !== null || labelledCompany !== null) {
    return { role: labelledRole ?? (labelledCompany === null ? null : guessFromLine(first).role), company: labelledCompany };
  }
  const guess = guessFromLine(first);
  // "Role — Payments Platform" names a team; the company is then usually on a line below ("Northwind Financial · London").
  if (guess.company === null || TEAM_WORDS.test(guess.company)) {
    const company = companyBelow(lines.slice(1, 6));
    if (company !== null) return { role: guess.role, company };
  }
  return guess;
}

/** A company named on the lines under the title: "Acme · Remote · Full time", "About Acme", "Acme is a …". */
function companyBelow(lines: readonly string[]): string | null {
  for (const line of lines) {
    const about = /^about\s+(.+)$/i.exec(line)?.[1];
    const leading = /\s[·|•]\s/.test(line) ? line.split(/\s+[·|•]\s+/)[0] : undefined;
    const intro = /^([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s+(?:is|are|builds|makes|helps)\s/.exec(line)?.[1];
    for (const candidate of [about, leading, intro]) {
      if (candidate === undefined) continue;
      const name = trimPunctuation(candidate);
      if (looksLikeCompany(name)) return name;
    }
  }
  return null;
}

function looksLikeCompany(name: string): boolean {
  return /^[A-Z0-9]/.test(name) && fits(name, MAX_COMPANY_WORDS) && !ROLE_WORDS.test(name) && !TEAM_WORDS.test(name) && !NOT_A_COMPANY.test(name);
}

function guessFromLine(line: string): RoleAndCompany {
  const sentence = trimPunctuation(line.split(/(?<=[.!?])\s+/)[0] ?? line);
  const hiring = /^(.+?)\s+(?:is|are)\s+(?:hiring|looking\s+for|seeking|recruiting)\s+(?:an?\s+)?(.+)$/i.exec(sentence);
  if (hiring?.[1] && hiring[2]) {
    const company = /^we$/i.test(hiring[1]) ? null : hiring[1];
    if (fits(hiring[2], MAX_ROLE_WORDS) && (company === null || fits(company, MAX_COMPANY_WORDS))) return { role: trimPunctuation(hiring[2]), company };
  }
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(sentence);
  if (at?.[1] && at[2] && fits(at[1], MAX_ROLE_WORDS) && fits(at[2], MAX_COMPANY_WORDS)) return { role: at[1], company: at[2] };
  const split = /^(.+?)\s+[–—|,-]\s+(.+)$/.exec(sentence);
  if (split?.[1] && split[2] && fits(split[1], MAX_ROLE_WORDS) && fits(split[2], MAX_ROLE_WORDS)) {
    const [a, b] = [split[1], split[2]];
    if (!ROLE_WORDS.test(a) && ROLE_WORDS.test(b)) return { role: b, company: a };
    if (ROLE_WORDS.test(a)) return { role: a, company: b };
  }
  return { role: truncate(sentence, MAX_FALLBACK_CHARS), company: null };
}

/** Whether a persisted snapshot is the machine's `failed` state: stopped by an error, waiting for the candidate to retry. */
export function stoppedByError(snapshot: unknown): boolean {
  return field(snapshot, 'value') === 'failed';
}

/** The facts of a persisted interview snapshot; tolerant of missing or odd fields (an old or imported record). */
export function factsOf(snapshot: unknown): InterviewFacts {
  const context = field(snapshot, 'context');
  const documents = field(context, 'documents');
  const jobDescription = field(documents, 'jobDescription');
  const transcript = field(context, 'transcript');
  const last = Array.isArray(transcript) ? transcript.at(-1) : undefined;
  return {
    ...guessRoleAndCompany(typeof jobDescription === 'string' ? jobDescription : ''),
    startedAt: numberOrNull(field(context, 'startedAt')),
    endedAt: numberOrNull(field(context, 'endedAt')),
    lastActivityAt: numberOrNull(field(last, 'at')),
    answeredCount: answeredIn(snapshot),
  };
}

/** How many answers a persisted snapshot's transcript holds. */
export function answeredIn(snapshot: unknown): number {
  const transcript = field(field(snapshot, 'context'), 'transcript');
  return Array.isArray(transcript) ? transcript.filter((entry) => field(entry, 'role') === 'candidate').length : 0;
}

/** How long an interview ran: start to end, or to its last activity while unfinished. */
export function durationOf(facts: InterviewFacts): number {
  if (facts.startedAt === null) return 0;
  return Math.max(0, (facts.endedAt ?? facts.lastActivityAt ?? facts.startedAt) - facts.startedAt);
}

function cleanLine(line: string): string {
  return line
    .replace(/^[\s#>*•-]+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstMatch(segments: readonly string[], pattern: RegExp): string | null {
  for (const segment of segments) {
    const value = pattern.exec(segment)?.[1];
    if (value) {
      const cleaned = trimPunctuation(value);
      if (cleaned) return truncate(cleaned, MAX_FALLBACK_CHARS);
    }
  }
  return null;
}

function trimPunctuation(text: string): string {
  return text.replace(/[\s.,;:!]+$/, '').trim();
}

function fits(text: string, maxWords: number): boolean {
  return text.trim().split(/\s+/).length <= maxWords;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
