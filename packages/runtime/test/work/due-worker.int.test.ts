import { startDueWorker, type DueWorker, type DueWorkerOptions } from '../../src/work';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '../../src/testing';
import { fixtureDatabase, testEnvironment, testLogger } from '../support/test-environment';

const CHANNEL = 'due_worker_test';
// Far beyond any wait below: every round in this file is woken by start-up, NOTIFY or the due-time timer.
const SAFETY_NET_POLL_MS = 60_000;

describe('due-work loop', () => {
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
  const running: DueWorker[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_due_work', ...fixtureDatabase });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((worker) => worker.stop()));
  });
  afterAll(() => scratch?.drop());

  async function start(overrides: Partial<DueWorkerOptions> & Pick<DueWorkerOptions, 'round'>): Promise<DueWorker> {
    const worker = await startDueWorker({ name: 'test-worker', pool: scratch.pool, channel: CHANNEL, logger: testLogger, pollIntervalMs: SAFETY_NET_POLL_MS, ...overrides });
    running.push(worker);
    return worker;
  }

  it('when work is committed with a NOTIFY, then a round runs at once, after the one at start', async () => {
    let rounds = 0;
    const worker = await start({ round: async () => ((rounds += 1), false) });
    await waitFor(() => rounds === 1, { description: 'the round at start' });

    await scratch.pool.query(`select pg_notify('${CHANNEL}', '')`);

    await waitFor(() => rounds === 2, { timeoutMs: 5_000, description: 'a NOTIFY-driven round' });
    expect(worker.status()).toMatchObject({ name: 'test-worker', consecutiveFailures: 0, lastError: null, lastProgressAt: expect.any(Date) });
  });

  it('when a round says more may be due, then rounds follow one another until it says no more', async () => {
    let rounds = 0;
    await start({ round: async () => (rounds += 1) < 3 });
    await waitFor(() => rounds === 3, { description: 'three rounds in a row' });
  });

  it('when work is scheduled before the next poll, then the timer runs a round at its due time', async () => {
    let rounds = 0;
    const dueAt = new Date(Date.now() + 300);
    await start({ round: async () => ((rounds += 1), false), nextDueAt: async () => (rounds === 1 ? dueAt : undefined) });

    await waitFor(() => rounds === 2, { timeoutMs: 5_000, description: 'the round at the due time' });
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt.getTime());
  });

  it('when rounds fail, then the status counts the failures and the next round after the back-off clears them', async () => {
    let rounds = 0;
    const worker = await start({
      round: async () => {
        rounds += 1;
        if (rounds <= 2) throw new Error('database unavailable');
        return false;
      },
      // Pauses of 0.5 s at least after the second failure: long enough to see the count before the next round.
      failureBackoff: { baseDelayMs: 500, maxDelayMs: 1_000 },
    });
    await waitFor(() => worker.status().consecutiveFailures === 2, { description: 'two failed rounds' });
    expect(worker.status()).toMatchObject({ lastError: 'database unavailable', lastProgressAt: null });

    await waitFor(() => rounds === 3 && worker.status().consecutiveFailures === 0, { description: 'a round that succeeds' });
    expect(worker.status()).toMatchObject({ lastError: null, lastProgressAt: expect.any(Date) });
  });
});
