import { ProblemError } from '@hook0/core';
import type { ApplicationEntity, ApplicationRepository, OrganizationRole } from '@hook0/db';
import type { Principal } from '../auth/principal';
import { AccessPolicy, type AccessAction } from './access-policy';

const ORG_A = 'aaaaaaaa-0000-4000-8000-000000000000';
const ORG_B = 'bbbbbbbb-0000-4000-8000-000000000000';
const APP_A = 'aaaaaaaa-1111-4000-8000-000000000000';
const APP_A2 = 'aaaaaaaa-2222-4000-8000-000000000000';
const APP_B = 'bbbbbbbb-1111-4000-8000-000000000000';
const UNKNOWN = 'cccccccc-0000-4000-8000-000000000000';

const applications = new Map<string, string>([
  [APP_A, ORG_A],
  [APP_A2, ORG_A],
  [APP_B, ORG_B],
]);
const repository = {
  findLive: async (id: string) =>
    applications.has(id) ? ({ applicationId: id, organizationId: applications.get(id) } as ApplicationEntity) : null,
} as unknown as ApplicationRepository;
const policy = new AccessPolicy(repository);

const user = (role: OrganizationRole): Principal => ({
  kind: 'user',
  userId: 'u',
  sessionId: 's',
  memberships: new Map([[ORG_A, role]]),
  tokenKey: 'k',
});
const PRINCIPALS: Record<string, Principal> = {
  master: { kind: 'master', tokenKey: 'master' },
  editor: user('editor'),
  viewer: user('viewer'),
  'service token of A': { kind: 'service-token', organizationId: ORG_A, tokenId: 't', tokenKey: 'k' },
  'secret of app A': { kind: 'application-secret', applicationId: APP_A, organizationId: ORG_A, tokenKey: 'k' },
  'refresh token': { kind: 'refresh', userId: 'u', sessionId: 's', tokenId: 't', tokenKey: 'k' },
  anonymous: { kind: 'anonymous', tokenKey: 'anonymous' },
};

const allowed = async (check: () => unknown): Promise<boolean> => {
  try {
    await check();
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problemId).toBe('Forbidden');
    return false;
  }
};

// principal → [app A read, app A write, app A2 write, app B read, unknown app read, org A read, org A write, org B read, administer A]
const EXPECTED: Record<string, boolean[]> = {
  master: [true, true, true, true, false, true, true, true, true],
  editor: [true, true, true, false, false, true, true, false, true],
  viewer: [true, false, false, false, false, true, false, false, false],
  'service token of A': [true, true, true, false, false, true, true, false, false],
  'secret of app A': [true, true, false, false, false, false, false, false, false],
  'refresh token': [false, false, false, false, false, false, false, false, false],
  anonymous: [false, false, false, false, false, false, false, false, false],
};

describe('AccessPolicy', () => {
  it.each(Object.keys(EXPECTED))('gives %s exactly its rights', async (name) => {
    const principal = PRINCIPALS[name];
    const app = (id: string, action: AccessAction) => () => policy.application(principal, id, action);
    const org = (id: string, action: AccessAction) => () => policy.organization(principal, id, action);
    const results = [
      await allowed(app(APP_A, 'read')),
      await allowed(app(APP_A, 'write')),
      await allowed(app(APP_A2, 'write')),
      await allowed(app(APP_B, 'read')),
      await allowed(app(UNKNOWN, 'read')),
      await allowed(org(ORG_A, 'read')),
      await allowed(org(ORG_A, 'write')),
      await allowed(org(ORG_B, 'read')),
      await allowed(() => policy.administration(principal, ORG_A)),
    ];
    expect(results).toEqual(EXPECTED[name]);
  });

  it.each(Object.keys(PRINCIPALS))(
    'lets %s skip the lookup only where a live application in the given organization means allowed',
    async (name) => {
      const principal = PRINCIPALS[name];
      for (const id of [APP_A, APP_A2, APP_B, UNKNOWN]) {
        const scope = policy.writableIfLive(principal, id);
        if (scope === null) continue;
        const organizationId = applications.get(id);
        const provenByInsert = organizationId !== undefined && (scope.organizationId === null || scope.organizationId === organizationId);
        expect(await allowed(() => policy.application(principal, id, 'write'))).toBe(provenByInsert);
      }
    },
  );

  it('skips the lookup for the master key, own secrets and service tokens only', () => {
    const skipping = Object.keys(PRINCIPALS).filter((name) => policy.writableIfLive(PRINCIPALS[name], APP_A) !== null);
    expect(skipping).toEqual(['master', 'service token of A', 'secret of app A']);
    expect(policy.writableIfLive(PRINCIPALS['secret of app A'], APP_A2)).toBeNull();
  });

  it.each(Object.keys(PRINCIPALS))('shows credentials to %s exactly where it may write', async (name) => {
    const principal = PRINCIPALS[name];
    for (const [applicationId, organizationId] of applications) {
      const application = { applicationId, organizationId } as ApplicationEntity;
      expect(policy.viewOf(principal, application).mayWrite).toBe(
        await allowed(() => policy.application(principal, applicationId, 'write')),
      );
    }
  });

  it('hides credentials from a viewer only', () => {
    const application = { applicationId: APP_A, organizationId: ORG_A } as ApplicationEntity;
    const readers = ['master', 'editor', 'viewer', 'service token of A', 'secret of app A'];
    expect(readers.filter((name) => !policy.viewOf(PRINCIPALS[name], application).mayWrite)).toEqual(['viewer']);
  });

  it('answers an unknown application and a foreign one alike (403 Forbidden)', async () => {
    const editor = PRINCIPALS.editor;
    const unknown = await policy.application(editor, UNKNOWN, 'read').catch((error: ProblemError) => error);
    const foreign = await policy.application(editor, APP_B, 'read').catch((error: ProblemError) => error);
    expect(unknown).toEqual(foreign);
  });

  it('turns a refusal into 404 for resources found by their own id', async () => {
    await expect(policy.applicationOfResource(PRINCIPALS.editor, APP_B, 'read')).rejects.toMatchObject({ problemId: 'NotFound' });
    await expect(policy.applicationOfResource(PRINCIPALS.editor, APP_A, 'read')).resolves.toMatchObject({ applicationId: APP_A });
  });

  it('lets members read identities, and not service tokens', () => {
    expect(() => policy.identities(PRINCIPALS.viewer, ORG_A)).not.toThrow();
    expect(() => policy.identities(PRINCIPALS.master, ORG_B)).not.toThrow();
    expect(() => policy.identities(PRINCIPALS['service token of A'], ORG_A)).toThrow(ProblemError);
    expect(() => policy.identities(PRINCIPALS.viewer, ORG_B)).toThrow(ProblemError);
  });
});
