import { Link } from 'react-router';
import type { PagerLinks } from './attempt-pager';

/** Previous and next pages of request attempts (newest first: the next page holds older attempts). */
export function AttemptsPager({ links }: { readonly links: PagerLinks }) {
  if (!links.previous && !links.first && !links.next) return null;
  return (
    <nav aria-label="Pages of request attempts">
      <ul>
        {links.previous ? (
          <li>
            <Link to={{ search: links.previous.search }} state={links.previous.state}>
              Previous page
            </Link>
          </li>
        ) : null}
        {links.first ? (
          <li>
            <Link to={{ search: links.first.search }} state={links.first.state}>
              First page
            </Link>
          </li>
        ) : null}
        {links.next ? (
          <li>
            <Link to={{ search: links.next.search }} state={links.next.state}>
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
