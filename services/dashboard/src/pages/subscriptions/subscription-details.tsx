import type { Schemas } from '../../api/client';
import { formatDateTime } from './subscription-text';
import { FactsTable, type Fact } from '../../components/facts-table';

function Pairs({ map, empty }: { readonly map: Readonly<Record<string, string>>; readonly empty: string }) {
  const entries = Object.entries(map);
  if (entries.length === 0) return <>{empty}</>;
  return (
    <ul>
      {entries.map(([name, value]) => (
        <li key={name} className="break-anywhere">
          <code>{name}</code>: {value}
        </li>
      ))}
    </ul>
  );
}

const orDefault = (value: number | null) => (value === null ? 'instance default' : String(value));

/** What a subscription sends where, and what it listens to. Header values and URL passwords come masked to viewers. */
export function SubscriptionDetails({ subscription }: { readonly subscription: Schemas['Subscription'] }) {
  const rows: Fact[] = [
    ['Status', subscription.is_enabled ? 'Enabled' : 'Disabled (by an editor: nothing is delivered)'],
    ['HTTP method', <code key="method">{subscription.target.method}</code>],
    [
      'Target URL',
      <span key="url" className="break-anywhere">
        {subscription.target.url}
      </span>,
    ],
    ['Headers', <Pairs key="headers" map={subscription.target.headers} empty="none" />],
    ['Event types', subscription.event_types.join(', ')],
    ['Labels', <Pairs key="labels" map={subscription.labels} empty="none" />],
    ['Retry schedule', subscription.retry_schedule?.join(', ') ?? 'instance default'],
    ['Max retries', orDefault(subscription.max_retries)],
    ['Max deliveries in flight', orDefault(subscription.max_in_flight)],
    ['Max deliveries per second', orDefault(subscription.max_deliveries_per_second)],
    ['Created', formatDateTime(subscription.created_at)],
    ['Updated', formatDateTime(subscription.updated_at, 'never')],
    ['Subscription id', <code key="id">{subscription.subscription_id}</code>],
  ];
  return (
    <section aria-labelledby="subscription-details">
      <h2 id="subscription-details">Details</h2>
      <FactsTable facts={rows} label="Details" />
    </section>
  );
}
