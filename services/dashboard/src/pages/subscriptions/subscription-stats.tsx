import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useApplicationScope } from '../../session/use-scope';
import { useSubscriptionStats } from './subscription-queries';
import { failureRate, STATS_PERIODS, toStatsRows, type StatsPeriod } from './subscription-stats-data';
import { DeliveriesChart, LatencyChart } from './subscription-stats-charts';
import { formatMilliseconds, formatRate } from './subscription-text';
import { FactsTable } from '../../components/facts-table';

/** Delivery figures over a chosen period (docs/api.md "Subscription stats"): totals, then outcomes and latency over time. */
export function SubscriptionStats({ subscriptionId }: { readonly subscriptionId: string }) {
  const scope = useApplicationScope();
  const periodId = useId();
  const [period, setPeriod] = useState<StatsPeriod>('24h');
  const stats = useSubscriptionStats(scope.applicationId, subscriptionId, period);
  return (
    <section aria-labelledby="subscription-stats">
      <h2 id="subscription-stats">Delivery statistics</h2>
      <p>
        <Link to={`${scope.base}/request_attempts?subscription_id=${subscriptionId}`}>Request attempts of this subscription</Link>
      </p>
      <label htmlFor={periodId}>Period</label>
      <select id={periodId} value={period} onChange={(e) => setPeriod(e.target.value as StatsPeriod)}>
        {STATS_PERIODS.map((option) => (
          <option key={option.period} value={option.period}>
            {option.label}
          </option>
        ))}
      </select>
      <QueryState query={stats}>{(figures) => <StatsFigures stats={figures} />}</QueryState>
    </section>
  );
}

function StatsFigures({ stats }: { readonly stats: Schemas['SubscriptionStats'] }) {
  const rows = toStatsRows(stats);
  const totals: [string, string][] = [
    ['Succeeded', String(stats.attempts.successful)],
    ['Failed', String(stats.attempts.failed)],
    ['Pending', String(stats.attempts.pending)],
    ['Success rate', formatRate(stats.success_rate)],
    ['Failure rate', formatRate(failureRate(stats.success_rate))],
    ['Latency p50', formatMilliseconds(stats.latency_ms.p50)],
    ['Latency p95', formatMilliseconds(stats.latency_ms.p95)],
  ];
  return (
    <>
      <FactsTable facts={totals} label="Attempts in the period, retries included" caption="Attempts in the period, retries included" />
      <DeliveriesChart rows={rows} />
      <LatencyChart rows={rows} />
    </>
  );
}
