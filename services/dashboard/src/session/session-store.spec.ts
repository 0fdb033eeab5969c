import { SessionStore, type RefreshTokens } from './session-store';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const T0 = Date.parse('2026-12-06T12:00:00Z');
const MINUTE = 60_000;

function login(n: number, at: number) {
  return {
    access_token: `access-${n}`,
    access_token_expiration: new Date(at + 5 * MINUTE).toISOString(),
    refresh_token: `refresh-${n}`,
    refresh_token_expiration: new Date(at + 30 * MINUTE).toISOString(),
    user_id: 'u1',
    email: 'ada@example.test',
    first_name: 'Ada',
    last_name: 'Lovelace',
  };
}

describe('SessionStore', () => {
  let now: number;
  let storage: MemoryStorage;
  let refreshed: string[];
  let refresh: jest.MockedFunction<RefreshTokens>;

  const store = () => new SessionStore(storage, refresh, () => now);

  beforeEach(() => {
    now = T0;
    storage = new MemoryStorage();
    refreshed = [];
    refresh = jest.fn(async (token: string) => {
      refreshed.push(token);
      return login(refreshed.length + 1, now);
    });
  });

  it('hands out the access token while it has more than 30 s left, without refreshing', async () => {
    const session = store();
    session.signedIn(login(1, now));
    now += 4 * MINUTE;
    await expect(session.accessToken()).resolves.toBe('access-1');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes once, with the refresh token, when the access token is about to expire, for every caller waiting', async () => {
    const session = store();
    session.signedIn(login(1, now));
    now += 5 * MINUTE - 10_000;
    await expect(Promise.all([session.accessToken(), session.accessToken(), session.accessToken()])).resolves.toEqual([
      'access-2',
      'access-2',
      'access-2',
    ]);
    expect(refreshed).toEqual(['refresh-1']);
    expect(session.refreshToken).toBe('refresh-2');
  });

  it('ends the session when the refresh is refused', async () => {
    refresh.mockRejectedValueOnce(new Error('401'));
    const session = store();
    const changes = jest.fn();
    session.subscribe(changes);
    session.signedIn(login(1, now));
    now += 6 * MINUTE;
    await expect(session.accessToken()).resolves.toBeNull();
    expect(session.user).toBeNull();
    expect(changes).toHaveBeenCalledTimes(2);
    expect(storage.length).toBe(0);
  });

  it('survives a reload from storage, and forgets a session whose refresh token has expired', () => {
    store().signedIn(login(1, now));
    now += 29 * MINUTE;
    expect(store().user).toEqual({ userId: 'u1', email: 'ada@example.test', firstName: 'Ada', lastName: 'Lovelace' });
    now += 2 * MINUTE;
    expect(store().user).toBeNull();
  });

  it('ignores what it cannot read back', () => {
    storage.setItem('hook0.session', '{not json');
    expect(store().user).toBeNull();
  });

  it('forgets everything on sign out', async () => {
    const session = store();
    session.signedIn(login(1, now));
    session.signedOut();
    await expect(session.accessToken()).resolves.toBeNull();
    expect(storage.length).toBe(0);
  });
});
