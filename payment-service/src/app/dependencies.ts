import { randomBytes } from 'node:crypto';
import type { RandomSource, RetryPolicy } from '@boissipay/runtime';
import type { CollectionSchedule } from '../domain/collection-schedule';
import type { PaymentProvider } from '../domain/payment-provider';
import type { PaymentDatabase } from '../infra/database';

/** What recording payments needs from the outside world; clock and ids are injected so tests can pin them. */
export interface RecordingDependencies {
  clock: () => Date;
  newPaymentRef: () => string;
  newEventId: () => string;
  /** PAYMENT_COLLECTION_TIME in PAYMENT_TIME_ZONE: when on its collection date a debit becomes due. */
  collectionSchedule: CollectionSchedule;
}

/** What the debit worker needs besides: the provider port and the retry policy. */
export interface DebitDependencies extends RecordingDependencies {
  db: PaymentDatabase;
  provider: PaymentProvider;
  retryPolicy: RetryPolicy;
  /** Jitter of the retries; Math.random unless a test pins it. */
  random?: RandomSource;
}

/** PAY- and 16 hex digits: random rather than sequential, since payments need no gap-free numbering. */
export function newPaymentRef(): string {
  return `PAY-${randomBytes(8).toString('hex').toUpperCase()}`;
}
