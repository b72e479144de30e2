// Reactive server-status state for the shell: loads /api/health, tries, saves and forgets the access token.
// Thin adapter over fetchHealth and the token store; the wording lives in summary.ts.
import { fetchHealth, isUnauthorized, type ApiFetch, type Health } from '../api/index.ts';
import type { TokenStore } from '../auth/index.ts';
import { classifyHealthFailure } from './summary.ts';
import { assertNever } from '../common/index.ts';

/** What the shell knows about the server right now. */
export type StatusPhase =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ready'; health: Health };

/** What the controller needs: a token-aware fetch and the token store it reads from. */
export interface ServerStatusDeps {
  /** Fetch for /api paths that adds the stored token. */
  apiFetch: ApiFetch;
  /** Where the access token is remembered. */
  tokens: TokenStore;
}

/** Message shown under the token field when the proxy refuses a token. */
export const TOKEN_REJECTED = 'That token was not accepted. Check it and try again.';

/** The shell's server status, token form state and screen-reader announcements. */
export class ServerStatus {
  /** The latest health outcome. */
  phase = $state<StatusPhase>({ kind: 'loading' });
  /** True while a health check or token check is in flight. */
  busy = $state(false);
  /** Error shown on the token form, or null. */
  tokenError = $state<string | null>(null);
  /** Whether a token is saved. */
  hasToken = $state(false);
  /** Latest polite announcement for the live region. */
  announcement = $state('');

  readonly #deps: ServerStatusDeps;
  // Warning: only the latest request may write state; a slow earlier answer must not overwrite a newer one.
  #sequence = 0;

  /** Creates the controller; call refresh() to load. */
  constructor(deps: ServerStatusDeps) {
    this.#deps = deps;
    this.hasToken = deps.tokens.get() !== null;
  }

  /** Re-reads /api/health with the saved token. */
  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    this.busy = true;
    try {
      const health = await fetchHealth(this.#deps.apiFetch);
      if (sequence !== this.#sequence) return;
      this.phase = { kind: 'ready', health };
      this.announcement = health.auth.required && !health.auth.authorized ? 'Server reached. An access token is needed.' : 'Server status loaded.';
    } catch (error) {
      if (sequence !== this.#sequence) return;
      this.#fail(error);
    } finally {
      if (sequence === this.#sequence) this.busy = false;
    }
  }

  /** Checks a token against the proxy and saves it only when it is accepted. */
  async saveToken(input: string): Promise<void> {
    const token = input.trim();
    if (!token) {
      this.tokenError = 'Enter the access token you were given.';
      this.announcement = this.tokenError;
      return;
    }
    const sequence = ++this.#sequence;
    this.busy = true;
    try {
      const health = await fetchHealth(this.#deps.apiFetch, { token });
      if (sequence !== this.#sequence) return;
      if (health.auth.required && !health.auth.authorized) {
        this.tokenError = TOKEN_REJECTED;
        this.announcement = TOKEN_REJECTED;
        return;
      }
      this.#deps.tokens.set(token);
      this.hasToken = true;
      this.tokenError = null;
      this.phase = { kind: 'ready', health };
      this.announcement = 'Token saved. Access granted.';
    } catch (error) {
      if (sequence !== this.#sequence) return;
      if (isUnauthorized(error)) {
        this.tokenError = TOKEN_REJECTED;
        this.announcement = TOKEN_REJECTED;
        return;
      }
      this.#fail(error);
    } finally {
      if (sequence === this.#sequence) this.busy = false;
    }
  }

  /** Forgets the saved token and re-reads the status. */
  async forgetToken(): Promise<void> {
    this.#deps.tokens.clear();
    this.hasToken = false;
    this.tokenError = null;
    await this.refresh();
    this.announcement = `Token forgotten. ${this.announcement}`;
  }

  #fail(error: unknown): void {
    const failure = classifyHealthFailure(error);
    switch (failure.kind) {
      case 'unreachable':
        this.phase = { kind: 'unreachable' };
        this.announcement = "Can't reach the xquizit server.";
        return;
      case 'invalid':
        this.phase = { kind: 'invalid', message: failure.message };
        this.announcement = 'The server answered, but not as expected.';
        return;
      default:
        return assertNever(failure, 'failure');
    }
  }
}
