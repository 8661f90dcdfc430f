/** @jsx h */
import { h } from 'preact';
import type { Router } from 'express';
import type { Admin } from 'kafkajs';
import type { LiveFeed } from '../app/live-feed';
import { limitUsagePerMille, rejectionRatePerMille } from '../domain/limit-usage';
import type { ServiceClientsOf } from './clients';
import { pageContextOf, sendPage } from './page-context';
import { OverviewPage, type OverviewData } from './pages/overview';

const DECISIONS = 'billing.operation-decided.v1';
/** Contracts shown closest to their limit: billing's first page of balances, highest outstanding / limit first. */
const CLOSEST_SHOWN = 5;

export function overviewRoutes(router: Router, options: { clientsOf: ServiceClientsOf; feed: LiveFeed; admin: Admin; topicPrefix: string }): void {
  router.get('/', async (request, response) => {
    const api = options.clientsOf(response);
    const decisions = options.feed.eventsOf(DECISIONS);
    const rejected = decisions.filter(({ event }) => event.status === 'REJECTED').length;
    const accepted = decisions.length - rejected;
    const [balances, runs, failed, undelivered, deadLetters] = await Promise.all([
      orNothing(api.billing.GET('/contract-balances', { params: { query: { pageSize: CLOSEST_SHOWN } } })),
      orNothing(api.billing.GET('/billing-runs', { params: { query: { pageSize: 1 } } })),
      orNothing(api.payment.GET('/payments', { params: { query: { status: 'FAILED', pageSize: 1 } } })),
      orNothing(api.mailer.GET('/deliveries', { params: { query: { status: 'FAILED', pageSize: 1 } } })),
      deadLetterCounts(options.admin, options.feed.topics.map((topic) => `${options.topicPrefix}${topic}.dlq`)).catch(() => []),
    ]);
    const run = runs?.billingRuns?.[0];
    const data: OverviewData = {
      accepted,
      rejected,
      rejectionRatePerMille: rejectionRatePerMille(accepted, rejected),
      closest: (balances?.balances ?? []).map((balance) => ({
        contractRef: balance.contractRef,
        outstanding: balance.outstanding,
        limit: balance.limit,
        currency: balance.currencyCode,
        usagePerMille: limitUsagePerMille(balance.outstanding, balance.limit),
      })),
      lastRun: run ? { runId: run.runId, period: run.period, status: run.status, invoicesIssued: run.invoicesIssued } : undefined,
      failedDebits: failed?.metadata.totalItems,
      undelivered: undelivered?.metadata.totalItems,
      deadLetters: deadLetters.map(({ topic, count }) => ({ topic: topic.slice(options.topicPrefix.length), count })),
    };
    sendPage(response, <OverviewPage context={pageContextOf(request, response)} data={data} />);
  });
}

/** A service that is down or refuses leaves its card empty ("—"): the overview still shows the rest. */
async function orNothing<T>(call: Promise<{ data?: T }>): Promise<T | undefined> {
  return call.then(({ data }) => data).catch(() => undefined);
}

/** Messages each dead-letter topic holds now (end minus start offsets). */
async function deadLetterCounts(admin: Admin, topics: string[]): Promise<Array<{ topic: string; count: number }>> {
  const existing = new Set(await admin.listTopics());
  return Promise.all(
    topics
      .filter((topic) => existing.has(topic))
      .map(async (topic) => ({ topic, count: (await admin.fetchTopicOffsets(topic)).reduce((sum, { low, high }) => sum + Number(high) - Number(low), 0) })),
  );
}
