import {
  dashboardQueries,
  datasourceUid,
  loadDashboard,
  panelIds,
  panelsByRow,
  queryPanels,
  variableQueryPromql,
  withGrafanaIntervals,
  type GrafanaPanel,
} from './support/grafana-dashboard';
import { knownMetricNames, unknownMetricNames } from './support/known-metrics';
import { loadRuleGroups, recordedNames } from './support/prometheus-rules';
import { metricNamesIn, promqlSyntaxErrors } from './support/promql';
import { repoPath } from './support/repo-path';

const dashboard = loadDashboard(repoPath('deploy/grafana/dashboards/hook0.json'));
const known = knownMetricNames(recordedNames(loadRuleGroups(repoPath('deploy/prometheus/rules/hook0.rules.yaml'))));
const DATASOURCE = '${datasource}';

const exprsOf = (panel: GrafanaPanel): string[] =>
  (panel.targets ?? []).flatMap((target) => (target.expr === undefined ? [] : [target.expr]));
const metricsOf = (panel: GrafanaPanel): string[] => exprsOf(panel).flatMap((expr) => metricNamesIn(withGrafanaIntervals(expr)));

describe('PromQL checks used on the dashboard', () => {
  it('report an expression that does not parse', () => {
    expect(promqlSyntaxErrors('sum(rate(hook0_outbox_published_total[5m])')).not.toEqual([]);
    expect(promqlSyntaxErrors('sum(rate(hook0_outbox_published_total[$__rate_interval]))')).not.toEqual([]);
    expect(promqlSyntaxErrors(withGrafanaIntervals('sum(rate(hook0_outbox_published_total[$__rate_interval]))'))).toEqual([]);
  });

  it('find metric names in selectors, quoted names and __name__ matchers', () => {
    expect(metricNamesIn('sum by (le) (rate(a_bucket{job="x"}[5m])) / on() b offset 1m')).toEqual(['a_bucket', 'b']);
    expect(metricNamesIn('{"c.d", job="x"} + {__name__="e"} + {__name__=~"f|g"} + {__name__!="h"}')).toEqual(['c.d', 'e', 'f', 'g']);
    expect(metricNamesIn('{__name__=~"hook0_.*"}')).toEqual(['{__name__=~"hook0_.*"}']);
  });

  it('reject names the services do not export: the removed request counter, a bare histogram name, an unlisted name regex', () => {
    expect(unknownMetricNames('sum(rate(hook0_http_requests_total[5m]))', known)).toEqual(['hook0_http_requests_total']);
    expect(unknownMetricNames('hook0_delivery_duration_seconds', known)).toEqual(['hook0_delivery_duration_seconds']);
    expect(unknownMetricNames('count({__name__=~"hook0_.+"})', known)).toHaveLength(1);
    expect(unknownMetricNames('hook0_delivery_duration_seconds_bucket + up + rabbitmq_queue_messages_ready', known)).toEqual([]);
  });

  it('read the selector of label_values and the expression of query_result variable queries', () => {
    expect(variableQueryPromql('label_values(m{a="1", b="2"}, route)')).toBe('m{a="1", b="2"}');
    expect(variableQueryPromql('query_result(topk(3, m))')).toBe('topk(3, m)');
    expect(variableQueryPromql('label_values(route)')).toBeNull();
  });
});

describe('Grafana dashboard deploy/grafana/dashboards/hook0.json', () => {
  const queries = dashboardQueries(dashboard);

  it('is the "Hook0" dashboard with a stable uid', () => {
    expect(dashboard).toMatchObject({ uid: 'hook0', title: 'Hook0', schemaVersion: 39 });
  });

  it('has a Prometheus datasource variable that every panel, target and query variable uses', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const sources = [
      ...queryPanels(dashboard).flatMap((panel) => [
        { where: `panel ${panel.id}`, uid: datasourceUid(panel.datasource) },
        ...(panel.targets ?? [])
          .filter((target) => target.datasource !== undefined)
          .map((target) => ({ where: `panel ${panel.id} ${target.refId}`, uid: datasourceUid(target.datasource) })),
      ]),
      ...dashboard.templating.list
        .filter((variable) => variable.type === 'query')
        .map((variable) => ({ where: `variable ${variable.name}`, uid: datasourceUid(variable.datasource) })),
    ];
    expect(sources.filter((source) => source.uid !== DATASOURCE)).toEqual([]);
  });

  it('gives every panel a unique id', () => {
    const ids = panelIds(dashboard);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('gives every panel at least one query', () => {
    expect(
      queryPanels(dashboard)
        .filter((panel) => exprsOf(panel).length === 0)
        .map((panel) => panel.title),
    ).toEqual([]);
  });

  it('sends only PromQL that parses', () => {
    expect(queries.length).toBeGreaterThan(30);
    const broken = queries.map((q) => ({ source: q.source, errors: promqlSyntaxErrors(q.promql) })).filter((q) => q.errors.length > 0);
    expect(broken).toEqual([]);
  });

  it('queries only metrics the code exports, RabbitMQ plugin metrics, up, or names our rules record', () => {
    const unknown = queries
      .map((q) => ({ source: q.source, unknown: unknownMetricNames(q.promql, known) }))
      .filter((q) => q.unknown.length > 0);
    expect(unknown).toEqual([]);
  });

  it('uses $__rate_interval for every range', () => {
    const ranges = queries.flatMap((q) => [...q.expr.matchAll(/\[([^\]]*)\]/g)].map((match) => ({ source: q.source, range: match[1] })));
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.filter((r) => r.range !== '$__rate_interval')).toEqual([]);
  });

  it('takes the max per queue of the queue gauge every dispatcher replica reports', () => {
    const gaugeQueries = queries.filter((q) => metricNamesIn(q.promql).includes('hook0_queue_messages'));
    expect(gaugeQueries.length).toBeGreaterThan(0);
    expect(gaugeQueries.filter((q) => !/^max by \(queue\) \(hook0_queue_messages\{[^}]*\}\)$/.test(q.expr))).toEqual([]);
  });

  it('takes the max of the disabled-subscriptions gauge every dispatcher replica reports', () => {
    const gaugeQueries = queries.filter((q) => metricNamesIn(q.promql).includes('hook0_subscriptions_disabled'));
    expect(gaugeQueries.length).toBeGreaterThan(0);
    expect(gaugeQueries.filter((q) => !/^max\(hook0_subscriptions_disabled\)$/.test(q.expr))).toEqual([]);
  });

  describe('has the panels the issue asks for', () => {
    const QUANTILES = ['0.5', '0.95', '0.99'];
    const required: Array<{ row: string; title: RegExp; metrics: string[]; quantiles?: boolean; expr?: RegExp }> = [
      { row: 'Ingest', title: /ingested by outcome/i, metrics: ['hook0_events_ingested_total'], expr: /by \(outcome\)/ },
      {
        row: 'Ingest',
        title: /latency by route/i,
        metrics: ['hook0_http_request_duration_seconds_bucket'],
        quantiles: true,
        expr: /by \(le, route\)/,
      },
      { row: 'Ingest', title: /5xx/i, metrics: ['hook0_http_request_duration_seconds_count'], expr: /status_class="5xx"/ },
      { row: 'Delivery', title: /success ratio/i, metrics: ['hook0_delivery_attempts_total'], expr: /outcome="success"/ },
      { row: 'Delivery', title: /^delivery latency/i, metrics: ['hook0_delivery_duration_seconds_bucket'], quantiles: true },
      { row: 'Delivery', title: /end-to-end latency/i, metrics: ['hook0_end_to_end_latency_seconds_bucket'], quantiles: true },
      { row: 'Delivery', title: /attempts by status class/i, metrics: ['hook0_delivery_attempts_total'], expr: /by \(status_class\)/ },
      { row: 'Delivery', title: /retries scheduled by tier/i, metrics: ['hook0_retries_scheduled_total'], expr: /by \(tier\)/ },
      { row: 'Delivery', title: /dead letters by reason/i, metrics: ['hook0_deliveries_dead_lettered_total'], expr: /by \(reason\)/ },
      { row: 'Delivery', title: /in flight/i, metrics: ['hook0_deliveries_in_flight'] },
      { row: 'Backlog', title: /outbox backlog/i, metrics: ['hook0_outbox_backlog'] },
      { row: 'Backlog', title: /oldest entry age/i, metrics: ['hook0_outbox_oldest_age_seconds'] },
      { row: 'Dispatchers', title: /dispatcher replicas/i, metrics: ['up'], expr: /up\{job="hook0-dispatcher"\} == 1/ },
      { row: 'Dispatchers', title: /in-flight deliveries per replica/i, metrics: ['hook0_deliveries_in_flight'], expr: /by \(instance\)/ },
      { row: 'Runtime', title: /event-loop lag p99/i, metrics: ['nodejs_eventloop_lag_p99_seconds'] },
      { row: 'Runtime', title: /heap used/i, metrics: ['nodejs_heap_size_used_bytes'] },
      { row: 'Runtime', title: /RSS/, metrics: ['process_resident_memory_bytes'] },
      { row: 'Runtime', title: /GC/, metrics: ['nodejs_gc_duration_seconds_sum'] },
      {
        row: 'RabbitMQ',
        title: /work queues/i,
        metrics: ['rabbitmq_queue_messages_ready', 'rabbitmq_queue_messages_unacked'],
        expr: /\(dispatch\|deliver\)/,
      },
      { row: 'RabbitMQ', title: /wait queues/i, metrics: ['rabbitmq_queue_messages_ready'], expr: /\.wait/ },
      { row: 'RabbitMQ', title: /dead-letter queue/i, metrics: ['rabbitmq_queue_messages_ready'], expr: /\.dead-letters/ },
      { row: 'Subscription health', title: /subscriptions disabled/i, metrics: ['hook0_subscriptions_disabled'] },
      {
        row: 'Subscription health',
        title: /transitions by status and reason/i,
        metrics: ['hook0_subscription_health_transitions_total'],
        expr: /by \(status, reason\)/,
      },
      {
        row: 'Subscription health',
        title: /held and released/i,
        metrics: ['hook0_deliveries_held_total', 'hook0_deliveries_released_total'],
      },
      { row: 'Subscription health', title: /probes/i, metrics: ['hook0_subscription_probes_total'] },
    ];
    const rows = panelsByRow(dashboard);

    it.each(required)('$row: $title', ({ row, title, metrics, quantiles, expr }) => {
      const panel = (rows.get(row) ?? []).find((candidate) => title.test(candidate.title));
      expect(panel).toBeDefined();
      expect(metricsOf(panel!)).toEqual(expect.arrayContaining(metrics));
      if (expr) expect(exprsOf(panel!).some((text) => expr.test(text))).toBe(true);
      if (quantiles) expect(exprsOf(panel!).map((text) => /^histogram_quantile\(([\d.]+),/.exec(text)?.[1])).toEqual(QUANTILES);
    });
  });
});
