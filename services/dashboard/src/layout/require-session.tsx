import { Navigate, Outlet, useLocation } from 'react-router';
import { useSignedInUser } from '../session/session-context';

/** Pages behind it need a signed-in user; anyone else goes to the login page, and comes back after. */
export function RequireSession() {
  const user = useSignedInUser();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
