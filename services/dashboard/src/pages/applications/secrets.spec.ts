import { maskToken, secretLabel, toSecretBody } from './secrets';

const TOKEN = '3f0c2a1e-8d4b-4c6a-9e2f-5b7d1a0c9e42';
const APPLICATION_ID = '00000000-0000-4000-8000-000000000001';

describe('application secrets', () => {
  it('masks all of the token but its last four characters', () => {
    expect(maskToken(TOKEN)).toBe('••••••••9e42');
    expect(maskToken(TOKEN)).not.toContain(TOKEN.slice(0, 8));
  });

  it('names a secret by its name and the end of its token', () => {
    expect(secretLabel({ name: 'ci', token: TOKEN })).toBe('ci (…9e42)');
    expect(secretLabel({ name: null, token: TOKEN })).toBe('…9e42');
  });

  it('sends a blank name as no name, and trims the others', () => {
    expect(toSecretBody(APPLICATION_ID, '  ')).toEqual({ application_id: APPLICATION_ID, name: null });
    expect(toSecretBody(APPLICATION_ID, ' ci ')).toEqual({ application_id: APPLICATION_ID, name: 'ci' });
  });
});
