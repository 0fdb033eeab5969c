import { Link, NavLink, Outlet } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { useApplicationInfo } from './application-queries';

/** An application's pages share its name, the way back to its organization, and tabs. */
export function ApplicationLayout() {
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const application = useApplicationInfo(scope.applicationId);
  const tabs: [string, string][] = [
    ['', 'Overview'],
    ['event_types', 'Event types'],
    ['subscriptions', 'Subscriptions'],
    ['events', 'Events'],
    ['request_attempts', 'Request attempts'],
  ];
  if (canEdit) tabs.push(['secrets', 'Secrets']);
  return (
    <QueryState query={application}>
      {(app) => (
        <>
          <nav aria-label="Breadcrumb">
            <ul>
              <li>
                <Link to={`/organizations/${scope.organizationId}`}>Organization</Link>
              </li>
              <li>{app.name}</li>
            </ul>
          </nav>
          <nav aria-label="Application" className="tabs">
            <ul>
              {tabs.map(([path, label]) => (
                <li key={path}>
                  <NavLink to={path ? `${scope.base}/${path}` : scope.base} end={!path}>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet />
        </>
      )}
    </QueryState>
  );
}
