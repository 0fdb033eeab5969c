import type { Schemas } from '../../api/client';

export type Member = Schemas['OrganizationInfo']['users'][number];
export type Role = 'editor' | 'viewer';

export const ROLES: readonly Role[] = ['viewer', 'editor'];

/** How a member is named on the page: their full name, else their email. */
export function memberName(member: Pick<Member, 'first_name' | 'last_name' | 'email'>): string {
  return `${member.first_name} ${member.last_name}`.trim() || member.email;
}

/** The one role change a member can be given: to the other role of the two. */
export function roleChange(member: Pick<Member, 'role' | 'email'>): { readonly role: Role; readonly text: string; readonly label: string } {
  const role: Role = member.role === 'editor' ? 'viewer' : 'editor';
  const text = `Make ${role}`;
  return { role, text, label: `${text}: ${member.email}` };
}

/** Members sorted for reading: editors first, then by name. */
export function sortMembers(members: readonly Member[]): Member[] {
  const rank = (member: Member) => (member.role === 'editor' ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || memberName(a).localeCompare(memberName(b)));
}
