/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { ReadMessage, TopicOverview } from '@boissipay/runtime';
import type { MessagePage, Redrive } from '../../infra/topic-browser';
import { ActionForm, Layout, type PageContext } from './layout';

const topicHref = (topic: string) => `/topics/${encodeURIComponent(topic)}`;
const deadLettersHref = (topic: string) => `${topicHref(topic)}/dead-letters`;
const ERROR_HEADERS = /^x-(error|original|consumer-group)/;

/** Avro longs may come back as bigint and bytes as Buffers: both shown as text. */
const prettyJson = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2) ?? 'null';

export function TopicsPage(props: { context: PageContext; topics: TopicOverview[] }) {
  const { t } = props.context;
  return (
    <Layout context={props.context} title={t.topics}>
      <table id="topics">
        <caption>{t.topics}</caption>
        <thead>
          <tr>
            <th scope="col">{t.topic}</th>
            <th scope="col">{t.partitions}</th>
            <th scope="col">{t.messages}</th>
            <th scope="col">{t.consumerGroups}</th>
            <th scope="col">{t.deadLetters}</th>
          </tr>
        </thead>
        <tbody>
          {props.topics.map((overview) => {
            const dlq = props.topics.find(({ topic }) => topic === `${overview.topic}.dlq`);
            return (
              <tr data-topic={overview.topic}>
                <th scope="row">
                  <a href={topicHref(overview.topic)}>{overview.topic}</a>
                </th>
                <td>{overview.partitions.map(({ partition, low, high }) => `p${partition} ${low}…${high}`).join(', ')}</td>
                <td class="messages">{overview.messages.toString()}</td>
                <td>
                  <ul class="plain">
                    {overview.groups.map(({ groupId, lag }) => (
                      <li data-group={groupId} data-lag={lag.toString()}>{`${groupId} — ${lag}`}</li>
                    ))}
                  </ul>
                </td>
                <td>{dlq ? <a href={deadLettersHref(overview.topic)}>{dlq.messages.toString()}</a> : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}

export function TopicPage(props: { context: PageContext; topic: string; page: MessagePage; pageSize: number; deadLetters: boolean }) {
  const { t } = props.context;
  const { page, topic } = props;
  return (
    <Layout context={props.context} title={`${t.topic} ${topic}`}>
      <p>
        {`${t.partitions}: ${page.partitions.map(({ partition, low, high }) => `p${partition} ${low}…${high}`).join(', ')}`}
        {props.deadLetters && (
          <>
            {' · '}
            <a href={deadLettersHref(topic)}>{t.deadLetters}</a>
          </>
        )}
      </p>
      <MessageTable context={props.context} caption={t.messages} page={page} pageSize={props.pageSize} base={topicHref(topic)} />
    </Layout>
  );
}

export function DeadLettersPage(props: { context: PageContext; topic: string; page: MessagePage; pageSize: number; redriven: Map<string, Redrive> }) {
  const { context, topic, page, redriven } = props;
  const { t } = context;
  return (
    <Layout context={context} title={`${t.deadLettersOf} ${topic}`}>
      <p>
        <a href={topicHref(topic)}>{topic}</a>
      </p>
      <MessageTable
        context={context}
        caption={t.deadLetters}
        page={page}
        pageSize={props.pageSize}
        base={deadLettersHref(topic)}
        hideHeaders={ERROR_HEADERS}
        extra={{
          label: t.failure,
          cell: (message) => {
            const id = `${message.partition}:${message.offset}`;
            const done = redriven.get(id);
            const { headers } = message;
            return (
              <>
                <p class="failure">{[headers['x-error-type'], headers['x-error-code'], headers['x-error-message']].filter(Boolean).join(' · ')}</p>
                <p>{`${t.consumerGroup}: ${headers['x-consumer-group'] ?? '?'} · ${headers['x-original-topic'] ?? ''} p${headers['x-original-partition'] ?? '?'} @${headers['x-original-offset'] ?? '?'}`}</p>
                {done ? (
                  <p class="redriven">{`${t.redrivenBy} ${done.by} · ${done.at}${done.reason ? ` · ${done.reason}` : ''}`}</p>
                ) : (
                  context.user.permissions.redriveDeadLetters && (
                    <ActionForm context={context} action={`${deadLettersHref(topic)}/redrive?id=${encodeURIComponent(id)}`} label={`${t.redrive} ${id}`} />
                  )
                )}
              </>
            );
          },
        }}
      />
    </Layout>
  );
}

/** A page of messages, newest first, each with its decoded value; links to the newest and the older page. */
function MessageTable(props: {
  context: PageContext;
  caption: string;
  page: MessagePage;
  pageSize: number;
  base: string;
  hideHeaders?: RegExp;
  extra?: { label: string; cell: (message: ReadMessage) => ComponentChildren };
}) {
  const { t, lang } = props.context;
  const { page } = props;
  const time = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });
  if (page.messages.length === 0) return <p>{t.noMessage}</p>;
  return (
    <>
      <nav aria-label={t.messages} class="pager">
        <a href={`${props.base}?size=${props.pageSize}`}>{t.newest}</a>
        {page.older && (
          <a href={`${props.base}?before=${encodeURIComponent(page.older)}&size=${props.pageSize}`} rel="next">
            {t.older}
          </a>
        )}
      </nav>
      <table class="messages">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{`${t.partition} · ${t.offset}`}</th>
            <th scope="col">{t.timestamp}</th>
            <th scope="col">{t.key}</th>
            <th scope="col">{t.headers}</th>
            {props.extra && <th scope="col">{props.extra.label}</th>}
            <th scope="col">{t.value}</th>
          </tr>
        </thead>
        <tbody>
          {page.messages.map((message) => (
            <tr id={`message-${message.partition}-${message.offset}`} data-key={message.key ?? ''}>
              <td>{`p${message.partition} · ${message.offset}`}</td>
              <td>
                <time dateTime={message.timestamp}>{time.format(new Date(message.timestamp))}</time>
              </td>
              <td>{message.key ?? '—'}</td>
              <td>
                <ul class="plain">
                  {Object.entries(message.headers)
                    .filter(([name]) => !props.hideHeaders?.test(name))
                    .map(([name, value]) => (
                      <li>
                        <code>{name}</code>: {value}
                      </li>
                    ))}
                </ul>
              </td>
              {props.extra && <td>{props.extra.cell(message)}</td>}
              <td>
                {message.undecodable && <p class="notice error">{`${t.undecodable}: ${message.undecodable}`}</p>}
                <pre class="value">{prettyJson(message.value)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
