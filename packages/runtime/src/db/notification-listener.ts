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
  let client: PoolClient | undefined;
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
    let broken = false;
    candidate.on('notification', (notification) => {
      if (notification.channel === channel) onNotification();
    });
    candidate.on('error', (error) => {
      if (broken) return;
      broken = true;
      logger.warn({ err: error, channel }, 'LISTEN connection lost; reconnecting');
      if (client === candidate) client = undefined;
      candidate.release(error);
      scheduleReconnect();
    });
    try {
      await candidate.query(`listen ${candidate.escapeIdentifier(channel)}`);
    } catch (error) {
      if (!broken) candidate.release(error as Error);
      broken = true;
      throw error;
    }
    if (closed) candidate.release(true);
    else client = candidate;
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      // Destroyed rather than returned to the pool, which would hand out a connection still listening.
      client?.release(true);
      client = undefined;
    },
  };
}
