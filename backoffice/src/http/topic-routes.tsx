/** @jsx h */
import { h } from 'preact';
import type { Router } from 'express';
import type { Logger } from '@boissipay/runtime';
import { parseCursor } from '../domain/topic-page';
import type { TopicBrowser } from '../infra/topic-browser';
import { pageContextOf, queryText, redirectAfter, sendPage } from './page-context';
import { Layout } from './pages/layout';
import { DeadLettersPage, TopicPage, TopicsPage } from './pages/topics';

const PAGE_SIZE = 20;
/** `?size=` asks for another page size, up to 100 messages. */
const pageSizeOf = (text: string | undefined) => Math.min(100, Math.max(1, Number.parseInt(text ?? '', 10) || PAGE_SIZE));

/**
 * The topic browser (ADR 0022): every logged-in user reads the platform's topics, messages and
 * dead letters; only operators and admins redrive, which the back office checks itself since no
 * service stands behind this action. Each redrive is recorded with who and why in
 * `<topic>.dlq.redriven` and in the log.
 */
export function topicRoutes(router: Router, options: { topics: TopicBrowser; logger: Logger }): void {
  const { topics, logger } = options;

  router.get('/topics', async (request, response) => {
    sendPage(response, <TopicsPage context={pageContextOf(request, response)} topics={await topics.overview()} />);
  });

  router.get('/topics/:topic', async (request, response) => {
    const context = pageContextOf(request, response);
    const topic = request.params.topic ?? '';
    if (!(await topics.exists(topic))) return sendPage(response, <Layout context={context} title={context.t.noSuchTopic}><p>{topic}</p></Layout>, 404);
    const pageSize = pageSizeOf(queryText(request, 'size'));
    const [page, deadLetters] = await Promise.all([topics.page(topic, parseCursor(queryText(request, 'before')), pageSize), topics.exists(`${topic}.dlq`)]);
    sendPage(response, <TopicPage context={context} topic={topic} page={page} pageSize={pageSize} deadLetters={deadLetters} />);
  });

  router.get('/topics/:topic/dead-letters', async (request, response) => {
    const context = pageContextOf(request, response);
    const topic = request.params.topic ?? '';
    if (!(await topics.exists(topic))) return sendPage(response, <Layout context={context} title={context.t.noSuchTopic}><p>{topic}</p></Layout>, 404);
    const pageSize = pageSizeOf(queryText(request, 'size'));
    const { redriven, ...page } = await topics.deadLetters(topic, parseCursor(queryText(request, 'before')), pageSize);
    sendPage(response, <DeadLettersPage context={context} topic={topic} page={page} pageSize={pageSize} redriven={redriven} />);
  });

  router.post('/topics/:topic/dead-letters/redrive', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t } = context;
    const topic = request.params.topic ?? '';
    const back = `/topics/${encodeURIComponent(topic)}/dead-letters`;
    if (!context.user.permissions.redriveDeadLetters) return sendPage(response, <Layout context={context} title={t.forbidden}><p>{t.forbidden}</p></Layout>, 403);
    const deadLetter = queryText(request, 'id') ?? '';
    const reason = String((request.body as Record<string, unknown>).reason ?? '').trim();
    if (!/^\d+:\d+$/.test(deadLetter) || !reason) return redirectAfter(response, back, { ok: false, text: t.noSuchDeadLetter });
    if (!(await topics.exists(topic))) return redirectAfter(response, back, { ok: false, text: t.noSuchTopic });
    const result = await topics.redrive(topic, deadLetter, context.user.name, reason);
    const sent = result.redriven[0];
    logger.info({ audit: 'dead-letter-redrive', by: context.user.name, topic, deadLetter, reason, redriven: Boolean(sent), toOffset: sent?.toOffset }, sent ? 'dead letter redriven' : 'dead letter not redriven');
    if (sent) return redirectAfter(response, back, { ok: true });
    redirectAfter(response, back, { ok: false, text: result.alreadyRedriven.length > 0 ? t.alreadyRedriven : t.noSuchDeadLetter });
  });
}
