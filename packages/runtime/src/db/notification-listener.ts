import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logging';

const RECONNECT_DELAY_MS = 1_000;

export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * LISTENs on `channel` over one connection held out of the pool (a pooled query could land
 * on any connection and would never see the notifications). When that connection breaks it
 * is replaced, and `onNotification` is called once after reconnecting because notifications
 * sent in between are lost.
 */
export async function listenForNotifications(
  pool: Pool,
  channel: string,
  onNotification: () => void,
  logger: Logger,
): Promise<NotificationListener> {
  /** The listening connection, with the one way to give it back: a connection is released once, whatever fails after. */
  let current: { client: PoolClient; release(error?: Error | boolean): void } | undefined;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  function scheduleReconnect(): void {
    if (closed) return;
    reconnectTimer = setTimeout(() => {
      connect().then(onNotification, (error: unknown) => {
        logger.warn({ err: error, channel }, 'LISTEN reconnection failed; retrying');
        scheduleReconnect();
      });
    }, RECONNECT_DELAY_MS);
  }

  async function connect(): Promise<void> {
    const candidate = await pool.connect();
    let released = false;
    const release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      candidate.release(error);
    };
    candidate.on('notification', (notification) => {
      if (notification.channel === channel) onNotification();
    });
    // Still listened to once released: a connection destroyed by close() or by an earlier error can report one more.
    // Lost while connecting, the LISTEN below fails too and whoever called connect() retries.
    candidate.on('error', (error) => {
      if (released) return;
      const wasListening = current?.client === candidate;
      if (wasListening) current = undefined;
      release(error);
      if (!wasListening) return;
      logger.warn({ err: error, channel }, 'LISTEN connection lost; reconnecting');
      scheduleReconnect();
    });
    try {
      await candidate.query(`listen ${candidate.escapeIdentifier(channel)}`);
    } catch (error) {
      release(error as Error);
      throw error;
    }
    if (closed) release(true);
    else current = { client: candidate, release };
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      // Destroyed rather than returned to the pool, which would hand out a connection still listening.
      current?.release(true);
      current = undefined;
    },
  };
}
