/** @jsx h */
import { h } from 'preact';
import type { Router } from 'express';
import type { ServiceClientsOf } from './clients';
import { apiErrorText, pageContextOf, queryText, redirectAfter, sendPage } from './page-context';
import { Layout, money } from './pages/layout';

/** Billing runs: a dry-run preview, starting a run, and a run's page that refreshes while it is RUNNING. */
export function billingRunRoutes(router: Router, clientsOf: ServiceClientsOf): void {
  router.get('/billing-runs', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t, lang, csrf } = context;
    const api = clientsOf(response);
    const period = queryText(request, 'preview');
    const [runs, preview] = await Promise.all([
      api.billing.GET('/billing-runs', { params: { query: { pageSize: 20 } } }),
      period && context.user.permissions.runBilling
        ? api.billing.POST('/billing-runs', { body: { period, dryRun: true } })
        : Promise.resolve(undefined),
    ]);
    const previewData = preview?.data && 'dryRun' in preview.data ? preview.data : undefined;
    const defaultPeriod = new Date().toISOString().slice(0, 7);
    sendPage(
      response,
      <Layout context={context} title={t.billingRuns}>
        {context.user.permissions.runBilling && (
          <section class="actions" aria-label={t.startRun}>
            <form method="get" action="/billing-runs">
              <label for="preview-period">{t.period}</label>
              <input id="preview-period" name="preview" type="month" value={period ?? defaultPeriod} required />
              <button type="submit">{t.preview}</button>
            </form>
            <form method="post" action="/billing-runs" data-confirm={`${t.startRun} — ${t.confirm}`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <label for="run-period">{t.period}</label>
              <input id="run-period" name="period" type="month" value={period ?? defaultPeriod} required />
              <button type="submit">{t.startRun}</button>
            </form>
          </section>
        )}
        {preview && !previewData && <p role="alert">{apiErrorText(preview.error, preview.response.status)}</p>}
        {previewData && (
          <section aria-labelledby="preview-title" id="preview">
            <h2 id="preview-title">{`${t.preview} ${previewData.period}`}</h2>
            <ul>
              {previewData.contracts.map((contract) => (
                <li>{`${contract.contractRef} · ${money(contract.totalWithTax, contract.currencyCode, lang)}`}</li>
              ))}
            </ul>
          </section>
        )}
        <h2>{t.billingRuns}</h2>
        <ul>
          {(runs.data?.billingRuns ?? []).map((run) => (
            <li>
              <a href={`/billing-runs/${run.runId}`}>{`${run.period} · ${run.status} · ${run.startedAt}`}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  router.post('/billing-runs', async (request, response) => {
    const period = String((request.body as Record<string, unknown>).period ?? '');
    const { data, error, response: answer } = await clientsOf(response).billing.POST('/billing-runs', { body: { period, dryRun: false } });
    if (!data || !('runId' in data)) return redirectAfter(response, '/billing-runs', { ok: false, text: apiErrorText(error, answer.status) });
    redirectAfter(response, `/billing-runs/${data.runId}`, { ok: true });
  });

  router.get('/billing-runs/:runId', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t } = context;
    const { data, error, response: answer } = await clientsOf(response).billing.GET('/billing-runs/{runId}', { params: { path: { runId: request.params.runId ?? '' } } });
    if (!data) return response.status(answer.status).type('text/plain').send(apiErrorText(error, answer.status));
    sendPage(
      response,
      <Layout context={context} title={`${t.billingRuns} ${data.period}`}>
        <p role="status" id="run-status" data-reload-while={data.status === 'RUNNING' ? 'running' : undefined}>
          {data.status === 'RUNNING' ? t.running : data.status}
        </p>
        <dl>
          <dt>{t.contractsConsidered}</dt>
          <dd>{data.contractsConsidered}</dd>
          <dt>{t.invoicesIssued}</dt>
          <dd id="invoices-issued">{data.invoicesIssued}</dd>
        </dl>
      </Layout>,
    );
  });
}
