import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { monitoring, readMonitoringFile as read, repoRoot } from './monitoring-files';

/** Debian's prometheus package ships promtool; .ci/run installs it when missing. */
const promtool = spawnSync('promtool', ['--version']).status === 0 ? 'promtool' : undefined;
if (!promtool) console.warn('promtool not found: the Prometheus config and rules checks are skipped (apt-get install prometheus)');

describe('the monitoring stack (infra/monitoring)', () => {
  (promtool ? it : it.skip)('when promtool checks the Prometheus config and the alert rules, then both are valid', () => {
    expect(execFileSync('promtool', ['check', 'config', path.join(monitoring, 'prometheus', 'prometheus.yml')], { encoding: 'utf8' })).toContain('SUCCESS');
    expect(execFileSync('promtool', ['check', 'rules', path.join(monitoring, 'prometheus', 'alerts.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('when Prometheus scrapes, then it reaches the four services on their ports', () => {
    const config = parse(read('prometheus/prometheus.yml'));
    expect(config.scrape_configs[0].static_configs[0].targets).toEqual(['contract-service:8080', 'billing-service:8181', 'payment-service:8282', 'invoice-mailer:8383']);
  });

  it('when Grafana starts, then its dashboard reads the provisioned data source, and every panel has a query', () => {
    const dashboard = JSON.parse(read('grafana/dashboards/boissipay-overview.json'));
    const datasource = parse(read('grafana/provisioning/datasources/prometheus.yml')).datasources[0];
    expect(dashboard.title).toBe('Boissipay overview');
    for (const panel of dashboard.panels) {
      expect([panel.title, panel.datasource.uid]).toEqual([panel.title, datasource.uid]);
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) expect(target.expr).toMatch(/boissipay_/);
    }
  });

  it('every alert says what it means, and the deployment guide says what to do about it', () => {
    const deployment = readFileSync(path.join(repoRoot, 'docs', 'deployment.md'), 'utf8');
    for (const rule of parse(read('prometheus/alerts.yml')).groups.flatMap((group: { rules: unknown[] }) => group.rules)) {
      expect([rule.alert, Boolean(rule.annotations?.summary && rule.annotations?.description)]).toEqual([rule.alert, true]);
      expect([rule.alert, deployment.includes(rule.alert)]).toEqual([rule.alert, true]);
    }
  });
});
