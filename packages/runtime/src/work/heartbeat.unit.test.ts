import { heartbeat as startHeartbeat } from './heartbeat';

describe('heartbeat', () => {
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => now;
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  it('when the consumer has not joined its group yet, then it is without progress since its start', () => {
    const heartbeat = startHeartbeat('consumer g', { clock, since: 'start' });
    expect(heartbeat.status().withoutProgressSince).toEqual(now);
    heartbeat.progressed();
    expect(heartbeat.status().withoutProgressSince).toBeNull();
  });

  it('when idle fetches follow each other, then it stays fresh', () => {
    const heartbeat = startHeartbeat('consumer g', { clock, since: 'start' });
    heartbeat.progressed();
    later(500);
    heartbeat.idle();
    expect(heartbeat.status()).toMatchObject({ withoutProgressSince: null, consecutiveFailures: 0 });
  });

  it('when a batch keeps crashing, then fetches of the same batch are no progress and failures count up until the batch ends', () => {
    const heartbeat = startHeartbeat('consumer g', { clock, since: 'start' });
    heartbeat.progressed();
    heartbeat.working();
    const since = now;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      heartbeat.failed(new Error('Connection terminated'), false);
      later(1_000);
      heartbeat.idle();
      heartbeat.working();
    }
    expect(heartbeat.status()).toMatchObject({ withoutProgressSince: since, consecutiveFailures: 3, lastError: 'Connection terminated', stopped: false });
    heartbeat.progressed();
    expect(heartbeat.status()).toMatchObject({ withoutProgressSince: null, consecutiveFailures: 0 });
  });

  it('when kafkajs gives up restarting it, then it is stopped', () => {
    const heartbeat = startHeartbeat('consumer g', { clock, since: 'start' });
    heartbeat.failed(new Error('fatal'), true);
    expect(heartbeat.status().stopped).toBe(true);
  });
});
