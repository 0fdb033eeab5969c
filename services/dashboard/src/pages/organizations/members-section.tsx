import { useSignedInUser } from '../../session/session-context';
import { InviteMemberForm } from './invite-member-form';
import { MemberActions } from './member-actions';
import { memberName, sortMembers } from './members';
import type { OrganizationInfo } from './organization-queries';
import { TableScroll } from '../../components/table-scroll';

/**
 * Who belongs to the organization and with which role. Editors invite, change roles and remove members; never their
 * own row, so an editor cannot lock themselves (and maybe everyone) out by a slip.
 */
export function MembersSection({ organization, canEdit }: { readonly organization: OrganizationInfo; readonly canEdit: boolean }) {
  const user = useSignedInUser();
  const organizationId = organization.organization_id;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <TableScroll label="Members">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {canEdit ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {sortMembers(organization.users).map((member) => {
              const isSelf = member.user_id === user?.userId;
              return (
                <tr key={member.user_id}>
                  <td>
                    {memberName(member)}
                    {isSelf ? ' (you)' : ''}
                  </td>
                  <td>{member.email}</td>
                  <td>{member.role}</td>
                  {canEdit ? <td>{isSelf ? null : <MemberActions organizationId={organizationId} member={member} />}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {canEdit ? <InviteMemberForm organizationId={organizationId} /> : null}
    </section>
  );
}
