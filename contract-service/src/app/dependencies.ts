import type { IsoDate } from '../domain/contract';
import { calendarDateIn } from '../domain/dates';
import type { ContractDatabase } from '../infra/database';

/** What the use cases need from the outside world; the clock is injected so tests can move time. */
export interface ContractDependencies {
  db: ContractDatabase;
  /** Time zone of the contracts' calendar dates (CONTRACT_TIME_ZONE). */
  timeZone: string;
  clock: () => Date;
  /** New contract ids and event ids. */
  newId: () => string;
}

export interface Moment {
  now: Date;
  today: IsoDate;
}

export function momentOf(dependencies: Pick<ContractDependencies, 'clock' | 'timeZone'>): Moment {
  const now = dependencies.clock();
  return { now, today: calendarDateIn(dependencies.timeZone, now) };
}
