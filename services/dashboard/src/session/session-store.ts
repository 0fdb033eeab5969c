import type { Schemas } from '../api/client';

type LoginResponse = Schemas['LoginResponse'];

export interface SignedInUser {
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

interface StoredSession {
  readonly user: SignedInUser;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: number;
}

const STORAGE_KEY = 'hook0.session';
/** Refresh this long before the access token expires, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

export type RefreshTokens = (refreshToken: string) => Promise<LoginResponse>;

/**
 * The signed-in user's tokens (docs/dashboard.md "Sessions"): kept in this browser's localStorage so a reload stays
 * signed in, refreshed once at a time shortly before the access token expires, dropped when the API refuses them.
 */
export class SessionStore {
  private session: StoredSession | null;
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage,
    private readonly refreshTokens: RefreshTokens,
    private readonly now: () => number = Date.now,
  ) {
    this.session = readStored(storage, now());
  }

  get user(): SignedInUser | null {
    return this.session?.user ?? null;
  }

  get refreshToken(): string | null {
    return this.session?.refreshToken ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signedIn(login: LoginResponse): void {
    this.replace(fromLogin(login));
  }

  signedOut(): void {
    this.replace(null);
  }

  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessTokenExpiresAt - REFRESH_MARGIN_MS > this.now()) return session.accessToken;
    this.refreshing ??= this.refresh(session).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(session: StoredSession): Promise<string | null> {
    try {
      const login = await this.refreshTokens(session.refreshToken);
      this.replace(fromLogin(login));
      return login.access_token;
    } catch {
      this.replace(null);
      return null;
    }
  }

  private replace(session: StoredSession | null): void {
    this.session = session;
    if (session) this.storage.setItem(STORAGE_KEY, JSON.stringify(session));
    else this.storage.removeItem(STORAGE_KEY);
    for (const listener of this.listeners) listener();
  }
}

function fromLogin(login: LoginResponse): StoredSession {
  return {
    user: { userId: login.user_id, email: login.email, firstName: login.first_name, lastName: login.last_name },
    accessToken: login.access_token,
    accessTokenExpiresAt: Date.parse(login.access_token_expiration),
    refreshToken: login.refresh_token,
    refreshTokenExpiresAt: Date.parse(login.refresh_token_expiration),
  };
}

function readStored(storage: Storage, now: number): StoredSession | null {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
    return stored && stored.refreshTokenExpiresAt > now ? stored : null;
  } catch {
    return null;
  }
}
