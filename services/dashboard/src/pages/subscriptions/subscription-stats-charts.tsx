import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsRow } from './subscription-stats-data';
import { formatMilliseconds } from './subscription-text';
import { TableScroll } from '../../components/table-scroll';

interface Series {
  readonly key: 'successful' | 'failed' | 'pending' | 'p50' | 'p95';
  readonly name: string;
  readonly color: string;
  readonly dash?: string;
}

const OUTCOMES: readonly Series[] = [
  { key: 'successful', name: 'Succeeded', color: '#2e7d32' },
  { key: 'failed', name: 'Failed', color: '#c62828' },
  { key: 'pending', name: 'Pending', color: '#757575' },
];

// Dashes tell the lines apart without their colour.
const LATENCIES: readonly Series[] = [
  { key: 'p50', name: 'p50 (ms)', color: '#1565c0' },
  { key: 'p95', name: 'p95 (ms)', color: '#ef6c00', dash: '6 3' },
];

/** Keeps the legend in the order the series are drawn (recharts sorts it alphabetically otherwise). */
const inOrderOf =
  (series: readonly Series[]) =>
  (item: { readonly value: string | undefined }): number =>
    series.findIndex((line) => line.name === item.value);

/** A chart with its figures as a table in a <details>, for screen readers and anyone who wants the numbers. */
function ChartFigure({
  title,
  rows,
  series,
  format,
  children,
}: {
  readonly title: string;
  readonly rows: readonly StatsRow[];
  readonly series: readonly Series[];
  readonly format: (value: number | null) => string;
  readonly children: ReactNode;
}) {
  return (
    <figure>
      <h3>{title}</h3>
      <div className="chart-box" role="img" aria-label={`${title}: a chart of the table below`}>
        {children}
      </div>
      <details>
        <summary>{title}: data table</summary>
        <TableScroll label={`${title}: data table`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Period starting</th>
                {series.map((line) => (
                  <th scope="col" key={line.key}>
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.start}>
                  <th scope="row">{row.label}</th>
                  {series.map((line) => (
                    <td key={line.key}>{format(row[line.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

const count = (value: number | null) => String(value ?? 0);
const latency = (value: number | null) => formatMilliseconds(value, 'no response');

/** Attempts per bucket, stacked by outcome. */
export function DeliveriesChart({ rows }: { readonly rows: readonly StatsRow[] }) {
  return (
    <ChartFigure title="Deliveries by outcome" rows={rows} series={OUTCOMES} format={count}>
      <ResponsiveContainer>
        <BarChart data={[...rows]} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={16} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend itemSorter={inOrderOf(OUTCOMES)} />
          {OUTCOMES.map((outcome) => (
            <Bar
              key={outcome.key}
              dataKey={outcome.key}
              name={outcome.name}
              stackId="attempts"
              fill={outcome.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** The 50th and 95th percentile of response times per bucket; gaps where a bucket has no response. */
export function LatencyChart({ rows }: { readonly rows: readonly StatsRow[] }) {
  return (
    <ChartFigure title="Latency" rows={rows} series={LATENCIES} format={latency}>
      <ResponsiveContainer>
        <LineChart data={[...rows]} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={16} />
          <YAxis />
          <Tooltip />
          <Legend itemSorter={inOrderOf(LATENCIES)} />
          {LATENCIES.map((line) => (
            <Line
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeDasharray={line.dash}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
