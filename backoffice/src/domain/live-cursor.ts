/**
 * Where a client of the live feed stands: for each topic partition, the offset of the last
 * event it was sent. Each event id is the whole cursor after that event, so a client that
 * reconnects with Last-Event-ID tells the server its position on every partition at once, and
 * the position survives a restart of the server (it is Kafka's, not the server's).
 */
export type LiveCursor = ReadonlyMap<string, bigint>;

export const partitionKey = (topic: string, partition: number) => `${topic}#${partition}`;

const VERSION = 'c1';

/** Compact text form: `c1` then `topicIndex.partition.offset` per partition; topics indexed in `topics`. */
export function encodeCursor(cursor: LiveCursor, topics: readonly string[]): string {
  const parts = [...cursor].map(([key, offset]) => {
    const [topic, partition] = splitKey(key);
    return `${topics.indexOf(topic)}.${partition}.${offset}`;
  });
  return [VERSION, ...parts.sort()].join('_');
}

/** The cursor an id names; an id that is not one (missing, another version, garbage) is the empty cursor: replay all. */
export function decodeCursor(id: string | undefined, topics: readonly string[]): Map<string, bigint> {
  const cursor = new Map<string, bigint>();
  const [version, ...parts] = (id ?? '').split('_');
  if (version !== VERSION) return cursor;
  for (const part of parts) {
    const match = /^(\d{1,3})\.(\d{1,6})\.(\d{1,19})$/.exec(part);
    const topic = match ? topics[Number(match[1])] : undefined;
    if (!match || topic === undefined) return new Map();
    cursor.set(partitionKey(topic, Number(match[2])), BigInt(match[3] as string));
  }
  return cursor;
}

/** Whether the event at `offset` of that partition comes after the cursor. */
export function isAfter(cursor: LiveCursor, topic: string, partition: number, offset: bigint): boolean {
  const seen = cursor.get(partitionKey(topic, partition));
  return seen === undefined || offset > seen;
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('#');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
