/** The service's tables. The outbox and processed-events tables come from the shared runtime. */
export { outbox, processedEvents } from '@boissipay/runtime';
