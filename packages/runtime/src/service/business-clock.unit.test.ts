import { ConfigError } from '../config';
import { businessClockOf } from './business-clock';

describe('the business clock', () => {
  let system = new Date('2026-12-03T10:00:00.000Z');
  const systemClock = () => system;

  it('when CLOCK_START is empty, then the system clock is used', () => {
    expect(businessClockOf({ NODE_ENV: 'development', CLOCK_START: '' }, systemClock)).toBe(systemClock);
  });

  it('when CLOCK_START is set, then the clock starts there and runs at the system clock speed', () => {
    system = new Date('2026-12-03T10:00:00.000Z');
    const clock = businessClockOf({ NODE_ENV: 'test', CLOCK_START: '2027-01-04T06:00:00+01:00' }, systemClock);
    expect(clock().toISOString()).toBe('2027-01-04T05:00:00.000Z');
    system = new Date('2026-12-03T10:00:02.500Z');
    expect(clock().toISOString()).toBe('2027-01-04T05:00:02.500Z');
  });

  it('when CLOCK_START is set in production, then the service refuses to start, naming the variable', () => {
    expect(() => businessClockOf({ NODE_ENV: 'production', CLOCK_START: '2027-01-04T06:00:00+01:00' }, systemClock)).toThrow(ConfigError);
    expect(() => businessClockOf({ NODE_ENV: 'production', CLOCK_START: '2027-01-04T06:00:00+01:00' }, systemClock)).toThrow(/CLOCK_START/);
  });
});
