/** One message of the back office's /live stream. */
export interface StreamEvent {
  id?: string;
  event?: string;
  data: { topic?: string; status?: string; contractRef?: string; html?: string };
}

/**
 * Reads /live over HTTP with a logged-in session's cookie, from `lastEventId` when given (what
 * EventSource sends when it reconnects), until `until` holds for an event.
 */
export async function readStreamUntil(url: string, cookie: string, until: (event: StreamEvent) => boolean, lastEventId?: string): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${url}/live`, { headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`/live answered ${response.status}`);
  const events: StreamEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((line) => line && !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trimStart()]));
        if (fields.data === undefined) continue;
        const event: StreamEvent = { id: fields.id, event: fields.event, data: JSON.parse(fields.data) as StreamEvent['data'] };
        events.push(event);
        if (until(event)) return events;
      }
    }
  } finally {
    controller.abort();
  }
  throw new Error('/live ended before the awaited event');
}
