import { useLocation, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { CURSOR_PARAM, filtersFromSearch, searchForFilters } from './attempt-filters';
import { pagerLinks, readPagerState } from './attempt-pager';
import { AttemptFilterForm } from './attempt-filter-form';
import { AttemptsPager } from './attempts-pager';
import { AttemptsTable } from './attempts-table';
import { ReplayFailedForm } from './replay-failed-form';
import { useAttemptsPage } from './use-attempts-page';

/** The application's request attempts, newest first, 50 a page, with every filter the API takes kept in the address. */
export function RequestAttemptsPage() {
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const filters = filtersFromSearch(search);
  const cursor = search.get(CURSOR_PARAM) || null;
  const attempts = useAttemptsPage(scope.applicationId, filters, cursor, { pollUnfinished: cursor === null });
  const filterKey = searchForFilters(filters).toString();
  return (
    <section>
      <PageHeader title="Request attempts" />
      <AttemptFilterForm
        key={filterKey}
        applicationId={scope.applicationId}
        filters={filters}
        onApply={(next) => setSearch(searchForFilters(next))}
      />
      <QueryState query={attempts}>
        {(page) => (
          <div aria-busy={attempts.isPlaceholderData}>
            {page.attempts.length === 0 ? (
              <p>
                {cursor
                  ? 'No more request attempts.'
                  : Object.keys(filters).length > 0
                    ? 'No request attempt matches these filters.'
                    : 'No request attempt yet.'}
              </p>
            ) : (
              <AttemptsTable attempts={page.attempts} base={scope.base} />
            )}
            <AttemptsPager links={pagerLinks(filters, cursor, readPagerState(location.state), page.nextCursor)} />
          </div>
        )}
      </QueryState>
      {canEdit ? <ReplayFailedForm applicationId={scope.applicationId} filters={filters} /> : null}
    </section>
  );
}
