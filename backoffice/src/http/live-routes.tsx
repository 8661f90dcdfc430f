/** @jsx h */
import { h } from 'preact';
import type { Request, Response, Router } from 'express';
import { render } from 'preact-render-to-string';
import type { LiveDelivery, LiveFeed } from '../app/live-feed';
import { decodeCursor } from '../domain/live-cursor';
import { languageOf, messages } from './i18n';
import { LiveEventLine } from './pages/live-event';

const HEARTBEAT_MS = 15_000;

/**
 * GET /live: Server-Sent Events of the live topics. Each event's id is a cursor over every
 * partition (domain/live-cursor); EventSource sends the last one back as Last-Event-ID when it
 * reconnects, and the stream resumes right after it — across a restart of this server too,
 * since the feed is read again from Kafka and waits until it caught up before replaying.
 */
export function liveRoutes(router: Router, feed: LiveFeed, caughtUp: Promise<void>): { closeStreams(): void } {
  // Open streams never end by themselves: a stopping server ends them, and EventSource reconnects elsewhere or later.
  const open = new Set<Response>();
  router.get('/live', async (request: Request, response: Response) => {
    open.add(response);
    const lang = languageOf(request);
    const t = messages[lang];
    const from = request.get('last-event-id') ?? (typeof request.query.after === 'string' ? request.query.after : undefined);
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write('retry: 1000\n\n');
    await caughtUp;
    const send = ({ id, event }: LiveDelivery) => {
      const data = { topic: event.topic, status: event.event.status ?? null, contractRef: event.event.contractRef ?? null, html: render(<LiveEventLine event={event} t={t} lang={lang} />) };
      response.write(`id: ${id}\nevent: live\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // Subscribed before the replay is computed, and held back until it is sent: nothing falls between.
    const waiting: Parameters<Parameters<LiveFeed['subscribe']>[0]>[0][] = [];
    let replaying = true;
    let cursor = new Map<string, bigint>();
    const unsubscribe = feed.subscribe((event) => {
      if (replaying) waiting.push(event);
      else send(feed.advance(cursor, event));
    });
    const replay = feed.replay(decodeCursor(from, feed.topics));
    cursor = replay.next;
    if (replay.gap) response.write(`event: gap\ndata: ${JSON.stringify({ text: t.gap })}\n\n`);
    for (const delivery of replay.deliveries) send(delivery);
    for (const event of waiting.splice(0)) {
      const key = `${event.topic}#${event.partition}`;
      if ((cursor.get(key) ?? -1n) < event.offset) send(feed.advance(cursor, event));
    }
    replaying = false;
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    });
  });
  return {
    closeStreams: () => {
      for (const response of open) response.end();
    },
  };
}
