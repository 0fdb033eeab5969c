import type { Metric } from 'prom-client';

/** The value of a metric's series named `name` (the metric's own by default) with exactly `labels`; 0 when absent. */
export async function metricValue(metric: Metric<string>, labels: Record<string, string> = {}, name?: string): Promise<number> {
  const { name: ownName, values } = await metric.get();
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const series = values.find((value) => {
    const seriesName = (value as { metricName?: string }).metricName ?? ownName;
    return seriesName === (name ?? ownName) && JSON.stringify(Object.entries(value.labels).sort()) === wanted;
  });
  return series?.value ?? 0;
}
