/** One measured value of a benchmark suite. */
export interface Metric {
  metric: string;
  value: number;
}

/** The one output format of every suite: one JSON object per line. */
export function formatMetric(suite: string, db: string, m: Metric): string {
  return JSON.stringify({ suite, metric: m.metric, value: m.value, db });
}
