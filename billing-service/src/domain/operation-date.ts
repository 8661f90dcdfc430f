import { rejected, type Rejected } from './decision';

/** The day an operation is decided on, and how far ahead of it an operation may be dated. */
export interface DecisionDay {
  /** ISO date it is now in billing's time zone. */
  today: string;
  /** BILLING_OPERATION_MAX_DAYS_AHEAD: room for a sales system whose clock or time zone runs ahead. */
  maxDaysAhead: number;
}

const DAY_MS = 86_400_000;

export function latestOperationDate({ today, maxDaysAhead }: DecisionDay): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + maxDaysAhead * DAY_MS).toISOString().slice(0, 10);
}

/**
 * An operation dated ahead would weigh on the outstanding (and the limit) from today for
 * something that has not happened: only dates up to today plus the tolerance are taken.
 */
export function whyDatedInFuture(operationAt: string, day: DecisionDay): Rejected | undefined {
  const latest = latestOperationDate(day);
  if (operationAt <= latest) return undefined;
  return rejected('OPERATION_DATE_IN_FUTURE', `The operation date ${operationAt} is in the future: operations may be dated up to ${latest}.`);
}
