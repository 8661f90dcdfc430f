import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const monitoring = path.join(repoRoot, 'infra', 'monitoring');
export const readMonitoringFile = (file: string) => readFileSync(path.join(monitoring, file), 'utf8');

/** Every boissipay_ metric name an expression of the dashboard or the alert rules reads. */
export function referencedMetricNames(): string[] {
  const text = `${readMonitoringFile('grafana/dashboards/boissipay-overview.json')}\n${readMonitoringFile('prometheus/alerts.yml')}`;
  return [...new Set(text.match(/boissipay_[a-z_]+/g) ?? [])].sort();
}

