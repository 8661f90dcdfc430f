import { ConfigError } from '../config';

/**
 * The clock a service decides with: the system's, or, for a demo or an end-to-end test run as
 * separate processes, one set to CLOCK_START when the process starts and running at normal
 * speed from there. Never in production, where a debit or an invoice date must be real.
 */
export function businessClockOf(config: { NODE_ENV: string; CLOCK_START: string }, systemClock: () => Date = () => new Date()): () => Date {
  if (!config.CLOCK_START) return systemClock;
  if (config.NODE_ENV === 'production') throw new ConfigError([`CLOCK_START=${JSON.stringify(config.CLOCK_START)} is refused in production: a production service runs on the system clock.`]);
  const offsetMs = Date.parse(config.CLOCK_START) - systemClock().getTime();
  return () => new Date(systemClock().getTime() + offsetMs);
}
