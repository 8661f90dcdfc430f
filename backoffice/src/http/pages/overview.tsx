/** @jsx h */
import { h } from 'preact';
import type { PageContext } from './layout';
import { Layout } from './layout';

export interface OverviewData {
  accepted: number;
  rejected: number;
  rejectionRatePerMille: number;
  closest: Array<{ contractRef: string; outstanding: number; limit: number; usagePerMille: number; currency: string }>;
  lastRun?: { runId: string; period: string; status: string; invoicesIssued: number };
  failedDebits?: number;
  undelivered?: number;
  deadLetters: Array<{ topic: string; count: number }>;
}

const percent = (perMille: number) => `${(perMille / 10).toFixed(1)} %`;

export function OverviewPage(props: { context: PageContext; data: OverviewData }) {
  const { t } = props.context;
  const { data } = props;
  return (
    <Layout context={props.context} title={t.overview}>
      <section class="cards" aria-label={t.overview}>
        <p class="card">
          {t.rejectionRate} <strong id="rejection-rate">{percent(data.rejectionRatePerMille)}</strong>{' '}
          <small>
            (<span id="accepted-count">{data.accepted}</span> {t.accepted}, <span id="rejected-count">{data.rejected}</span> {t.rejected})
          </small>
        </p>
        <p class="card">
          {t.lastRun}{' '}
          {data.lastRun ? (
            <a href={`/billing-runs/${data.lastRun.runId}`}>
              <strong>{`${data.lastRun.period} · ${data.lastRun.status} · ${data.lastRun.invoicesIssued}`}</strong>
            </a>
          ) : (
            <strong>{t.none}</strong>
          )}
        </p>
        <p class="card">
          <a href="/payments?status=FAILED">{t.failedDebits}</a> <strong>{data.failedDebits ?? '—'}</strong>
        </p>
        <p class="card">
          <a href="/deliveries?status=FAILED">{t.undelivered}</a> <strong>{data.undelivered ?? '—'}</strong>
        </p>
        <p class="card">
          {t.deadLetters} <strong>{data.deadLetters.reduce((sum, { count }) => sum + count, 0)}</strong>{' '}
          <small>{data.deadLetters.filter(({ count }) => count > 0).map(({ topic, count }) => `${topic}: ${count}`).join(', ')}</small>
        </p>
      </section>
      <section aria-labelledby="closest">
        <h2 id="closest">{t.closestToLimit}</h2>
        {data.closest.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="gauges">
            {data.closest.map((contract) => (
              <li>
                <a href={`/contracts/${encodeURIComponent(contract.contractRef)}`}>{contract.contractRef}</a>{' '}
                <meter min={0} max={1000} low={700} high={900} optimum={0} value={contract.usagePerMille} aria-label={`${t.outstanding} / ${t.limit} ${contract.contractRef}`} />{' '}
                {percent(contract.usagePerMille)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="live-title">
        <h2 id="live-title">{t.liveEvents}</h2>
        <p id="live-gap" role="status" />
        <ol id="live" class="live" aria-live="polite" data-stream="/live" />
      </section>
    </Layout>
  );
}
