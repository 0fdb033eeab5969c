import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { useSubscriptions } from './subscription-queries';
import { healthLabel, subscriptionName } from './subscription-text';
import './subscriptions.css';
import { TableScroll } from '../../components/table-scroll';

/** The application's subscriptions: what each sends where, whether it is on, and its health. */
export function SubscriptionsPage() {
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const subscriptions = useSubscriptions(scope.applicationId);
  return (
    <section>
      <PageHeader title="Subscriptions">{canEdit ? <Link to={`${scope.base}/subscriptions/new`}>New subscription</Link> : null}</PageHeader>
      <QueryState query={subscriptions}>
        {(list) =>
          list.length === 0 ? (
            <p>This application has no subscription yet.</p>
          ) : (
            <TableScroll label="Subscriptions">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Description</th>
                    <th scope="col">Target</th>
                    <th scope="col">Event types</th>
                    <th scope="col">Status</th>
                    <th scope="col">Health</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((subscription) => (
                    <tr key={subscription.subscription_id}>
                      <td>
                        <Link to={`${scope.base}/subscriptions/${subscription.subscription_id}`}>
                          {subscriptionName(subscription.description)}
                        </Link>
                      </td>
                      <td className="break-anywhere">
                        <code>{subscription.target.method}</code> {subscription.target.url}
                      </td>
                      <td>{subscription.event_types.join(', ')}</td>
                      <td>{subscription.is_enabled ? 'Enabled' : 'Disabled'}</td>
                      <td>{healthLabel(subscription.health.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
    </section>
  );
}
