import { randomUUID } from 'node:crypto';
import type { ApiHarness } from './api-harness';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  readonly userId: string;
  /** The organization created with the user, of which they are the editor. */
  readonly organizationId: string;
  readonly email: string;
  readonly password: string;
}

export interface TestSession {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function registrationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { first_name: 'Ada', last_name: 'Lovelace', email: `ada-${randomUUID()}@example.test`, password: TEST_PASSWORD, ...overrides };
}

/** A user registered through POST /register. */
export async function registerUser(harness: ApiHarness, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const body = registrationBody(overrides);
  const response = await harness.http().post('/register').send(body).expect(201);
  return {
    userId: response.body.user_id,
    organizationId: response.body.organization_id,
    email: String(body.email),
    password: String(body.password),
  };
}

export async function login(harness: ApiHarness, user: Pick<TestUser, 'email' | 'password'>): Promise<TestSession> {
  const response = await harness.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(201);
  return { accessToken: response.body.access_token, refreshToken: response.body.refresh_token };
}

/** Registers and logs in; returns the user and their access token's Authorization header. */
export async function signedInUser(
  harness: ApiHarness,
  overrides: Record<string, unknown> = {},
): Promise<TestUser & { auth: Record<string, string> }> {
  const user = await registerUser(harness, overrides);
  const session = await login(harness, user);
  return { ...user, auth: bearer(session.accessToken) };
}

/** A signed-in user the master key made a viewer of `organizationId`; returns its Authorization header. */
export async function signedInViewer(harness: ApiHarness, organizationId: string): Promise<Record<string, string>> {
  const member = await signedInUser(harness);
  await harness
    .http()
    .post(`/organizations/${organizationId}/invite`)
    .set(bearer(harness.masterKey))
    .send({ email: member.email, role: 'viewer' })
    .expect(200);
  return member.auth;
}
