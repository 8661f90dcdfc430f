import { Client } from 'pg';
import { createPool, listenForNotifications } from '../../src/db';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '../../src/testing';
import { fixtureDatabase, testEnvironment, testLogger } from '../support/test-environment';

const CHANNEL = 'listener_test';

describe('notification listener', () => {
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
  let admin: Client;

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_listen', ...fixtureDatabase });
    admin = new Client({ connectionString: scratch.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await scratch?.drop();
  });

  /** Ends the listening connection from the server side, as a restart or a failover would. */
  async function terminateListeningConnection(): Promise<number> {
    const { rowCount } = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = $1 and pid <> pg_backend_pid()`,
      [`listen "${CHANNEL}"`],
    );
    return rowCount ?? 0;
  }

  it('when the listening connection is cut, then the listener reconnects, calls back once for what it may have missed, and hears the next notification', async () => {
    const pool = createPool(scratch.url, 2);
    let calls = 0;
    const listener = await listenForNotifications(pool, CHANNEL, () => (calls += 1), testLogger);
    try {
      await admin.query(`notify ${CHANNEL}`);
      await waitFor(() => calls === 1, { description: 'the first notification' });

      expect(await terminateListeningConnection()).toBe(1);
      await waitFor(() => calls === 2, { description: 'the call after reconnecting' });
      await admin.query(`notify ${CHANNEL}`);
      await waitFor(() => calls === 3, { description: 'a notification on the new connection' });
    } finally {
      await listener.close();
      await pool.end();
    }
  });

  it('when the connection is cut while the listener closes, then its connection is given back once and nothing is thrown', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const pool = createPool(scratch.url, 2);
        const listener = await listenForNotifications(pool, CHANNEL, () => undefined, testLogger);
        // The server has sent its FATAL message, which the connection has most likely not read yet when close() runs.
        await terminateListeningConnection();
        await listener.close();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await pool.end();
      }
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
