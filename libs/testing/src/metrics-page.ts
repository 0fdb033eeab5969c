const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The sum of the samples of `name` on a Prometheus text page whose labels include `labels`. */
export function sampleSum(page: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of page.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelBlock = line.startsWith(`${name}{`) ? line.slice(name.length + 1, line.lastIndexOf('}')) : '';
    const found = Object.fromEntries([...labelBlock.matchAll(LABEL)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** GET /metrics of an ops server (`http://127.0.0.1:port`) and sum the matching samples of `name`. */
export async function scrapeMetric(opsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${opsUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET ${opsUrl}/metrics answered ${response.status}`);
  return sampleSum(await response.text(), name, labels);
}
