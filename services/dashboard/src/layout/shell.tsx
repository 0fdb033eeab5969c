import { Link, Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useSignedInUser, useSignOut } from '../session/session-context';

/** The frame of every signed-in page: a skip link, the top bar and the page in <main>. */
export function Shell() {
  const user = useSignedInUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onSignOut = async () => {
    await signOut();
    queryClient.clear();
    await navigate('/login');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="container">
        <nav aria-label="Main">
          <ul>
            <li>
              <Link to="/" className="brand">
                <strong>hook0-ts</strong>
              </Link>
            </li>
          </ul>
          <ul>
            <li>
              <Link to="/">Organizations</Link>
            </li>
            <li className="user-email">{user?.email}</li>
            <li>
              <button type="button" className="secondary outline" onClick={() => void onSignOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
