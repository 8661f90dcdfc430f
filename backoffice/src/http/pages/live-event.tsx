/** @jsx h */
import { h } from 'preact';
import type { LiveEvent } from '../../app/live-feed';
import type { Language, Messages } from '../i18n';
import { money } from './layout';

const text = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));

/** One line of the live list: what happened, to which contract, and why when it was refused. */
export function LiveEventLine(props: { event: LiveEvent; t: Messages; lang: Language }) {
  const { event: data, topic } = props.event;
  const at = text(data.occurredAt);
  const time = at ? new Date(at).toLocaleTimeString(props.lang === 'fr' ? 'fr-FR' : 'en-GB') : '';
  if (topic === 'billing.operation-decided.v1') {
    const rejected = data.status === 'REJECTED';
    const amount = typeof data.totalWithTaxMinor === 'number' ? money(data.totalWithTaxMinor / 100, text(data.currency) || 'EUR', props.lang) : '';
    return (
      <li class={`decision ${rejected ? 'rejected' : 'accepted'}`} data-contract={text(data.contractRef)} data-order={text(data.orderRef)}>
        <time datetime={at}>{time}</time> <strong>{rejected ? props.t.rejected : props.t.accepted}</strong> {text(data.type)} {text(data.orderRef)} ·{' '}
        <a href={`/contracts/${encodeURIComponent(text(data.contractRef))}`}>{text(data.contractRef)}</a> · {amount}
        {rejected && <span class="why"> — {text(data.rejectionCode)}: {text(data.rejectionMessage)}</span>}
      </li>
    );
  }
  const what = text(data.eventType ?? data.type ?? data.status ?? topic);
  const ref = text(data.invoiceRef ?? data.creditNoteRef ?? data.contractRef);
  return (
    <li class="event" data-topic={topic}>
      <time datetime={at}>{time}</time> <strong>{topic}</strong> {what} · {ref}
    </li>
  );
}
