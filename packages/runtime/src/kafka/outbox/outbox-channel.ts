/** PostgreSQL NOTIFY channel on which a committed outbox row wakes the relay. */
export const OUTBOX_CHANNEL = 'boissipay_outbox';
