import type { Logger, RandomSource, RetryPolicy } from '@boissipay/runtime';
import type { Seller } from '../domain/invoice';
import type { MailerDatabase } from '../infra/database';
import type { MailSender } from '../infra/smtp-mail-sender';

/** What the use cases need from the outside world; clock and ids are injected so tests can pin them. */
export interface MailerDependencies {
  db: MailerDatabase;
  clock: () => Date;
  newId: () => string;
  seller: Seller;
  /** MAIL_FROM: the sender of every e-mail, whose domain ends every Message-ID. */
  mailFrom: string;
}

export interface DeliveryDependencies extends MailerDependencies {
  mailSender: MailSender;
  retryPolicy: RetryPolicy;
  /** Jitter of the retries; Math.random unless a test pins it. */
  random?: RandomSource;
  /** Deliveries claimed, and sent side by side, per round. */
  batchSize: number;
  logger: Logger;
}
