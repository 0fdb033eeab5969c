import { memberName, roleChange, sortMembers, type Member } from './members';

const member = (overrides: Partial<Member>): Member => ({
  user_id: '00000000-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  role: 'viewer',
  ...overrides,
});

describe('members', () => {
  it('names a member by full name, else by email', () => {
    expect(memberName(member({}))).toBe('Ada Lovelace');
    expect(memberName(member({ first_name: ' ', last_name: '' }))).toBe('ada@example.com');
  });

  it('offers the other role, with a label that names the member', () => {
    expect(roleChange(member({ role: 'viewer' }))).toEqual({ role: 'editor', text: 'Make editor', label: 'Make editor: ada@example.com' });
    expect(roleChange(member({ role: 'editor' }))).toEqual({ role: 'viewer', text: 'Make viewer', label: 'Make viewer: ada@example.com' });
  });

  it('lists editors first, then by name', () => {
    const sorted = sortMembers([
      member({ first_name: 'Zoe', role: 'viewer' }),
      member({ first_name: 'Bob', role: 'viewer' }),
      member({ first_name: 'Yan', role: 'editor' }),
    ]);
    expect(sorted.map((m) => m.first_name)).toEqual(['Yan', 'Bob', 'Zoe']);
  });
});
