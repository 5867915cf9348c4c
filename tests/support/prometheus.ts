/** Reading the server's Prometheus metrics in tests and benchmarks. */

/** Reads one unlabelled sample from Prometheus text; NaN when absent. */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/** Fetches `/metrics` from `baseUrl` and reads one unlabelled sample; NaN when absent. */
export async function fetchMetric(baseUrl: string, name: string): Promise<number> {
  return metricValue(await (await fetch(`${baseUrl}/metrics`)).text(), name);
}
