import { readFileSync } from 'node:fs';

export type DatasourceRef = string | { readonly type?: string; readonly uid?: string };

export interface GrafanaTarget {
  readonly refId: string;
  readonly expr?: string;
  readonly datasource?: DatasourceRef;
}

export interface GrafanaPanel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly datasource?: DatasourceRef;
  readonly targets?: readonly GrafanaTarget[];
  /** A collapsed row keeps its panels here. */
  readonly panels?: readonly GrafanaPanel[];
}

export interface GrafanaVariable {
  readonly name: string;
  readonly type: string;
  readonly query?: string | { readonly query?: string };
  readonly datasource?: DatasourceRef;
}

export interface GrafanaDashboard {
  readonly uid: string;
  readonly title: string;
  readonly schemaVersion: number;
  readonly panels: readonly GrafanaPanel[];
  readonly templating: { readonly list: readonly GrafanaVariable[] };
}

/** One PromQL query of a dashboard, with where it comes from for failure messages. */
export interface DashboardQuery {
  readonly source: string;
  /** As written in the dashboard. */
  readonly expr: string;
  /** With Grafana's interval variables replaced, ready for a PromQL parser. */
  readonly promql: string;
}

export function loadDashboard(path: string): GrafanaDashboard {
  return JSON.parse(readFileSync(path, 'utf8')) as GrafanaDashboard;
}

export function datasourceUid(ref: DatasourceRef | undefined): string | undefined {
  return typeof ref === 'string' ? ref : ref?.uid;
}

/** Panels grouped by the row they sit in, in dashboard order; panels above the first row go under "". */
export function panelsByRow(dashboard: GrafanaDashboard): Map<string, GrafanaPanel[]> {
  const rows = new Map<string, GrafanaPanel[]>([['', []]]);
  let current = rows.get('')!;
  for (const panel of dashboard.panels) {
    if (panel.type !== 'row') {
      current.push(panel);
      continue;
    }
    current = [...(panel.panels ?? [])];
    rows.set(panel.title, current);
  }
  return rows;
}

/** Every panel that queries a datasource (rows excluded), those inside collapsed rows included. */
export function queryPanels(dashboard: GrafanaDashboard): GrafanaPanel[] {
  return [...panelsByRow(dashboard).values()].flat();
}

/** Every panel id, rows and panels inside collapsed rows included. */
export function panelIds(dashboard: GrafanaDashboard): number[] {
  return dashboard.panels.flatMap((panel) => [panel.id, ...(panel.panels ?? []).map((inner) => inner.id)]);
}

const GRAFANA_INTERVALS = /\$(?:__rate_interval|__interval|__range)\b|\$\{(?:__rate_interval|__interval|__range)\}/g;

/** Grafana replaces its interval variables with durations before sending a query. */
export function withGrafanaIntervals(expr: string): string {
  return expr.replace(GRAFANA_INTERVALS, '5m');
}

/** The PromQL inside a Prometheus variable query: label_values(selector, label) or query_result(expr); null when there is none. */
export function variableQueryPromql(query: string): string | null {
  const labelValues = /^\s*label_values\(\s*(.+),\s*[a-zA-Z_][a-zA-Z0-9_]*\s*\)\s*$/s.exec(query);
  if (labelValues) return labelValues[1];
  const queryResult = /^\s*query_result\((.+)\)\s*$/s.exec(query);
  return queryResult ? queryResult[1] : null;
}

/** Every PromQL query the dashboard sends: panel targets and query variables. */
export function dashboardQueries(dashboard: GrafanaDashboard): DashboardQuery[] {
  const fromPanels = queryPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) =>
      target.expr === undefined ? [] : [query(`panel ${panel.id} "${panel.title}" ${target.refId}`, target.expr)],
    ),
  );
  const fromVariables = dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .flatMap((variable) => {
      const text = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
      const promql = variableQueryPromql(text);
      return promql === null ? [] : [query(`variable ${variable.name}`, promql)];
    });
  return [...fromPanels, ...fromVariables];
}

function query(source: string, expr: string): DashboardQuery {
  return { source, expr, promql: withGrafanaIntervals(expr) };
}
