/**
 * Paging a topic's messages by offset, newest first, over all its partitions. A page's cursor is
 * the offset it stops before on each partition (`0:120,1:98`); the next, older page reads the
 * last `pageSize` messages before it on each partition and keeps the newest `pageSize` of them by
 * timestamp. Offsets only order messages within a partition, hence one offset per partition.
 */

export type Cursor = ReadonlyMap<number, bigint>;

export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}

export interface MessageAt {
  partition: number;
  offset: bigint;
  timestamp: number;
}

/** `0:120,1:98` → {0 → 120n, 1 → 98n}; anything malformed is left out (the page then starts at the end). */
export function parseCursor(text: string | undefined): Cursor {
  const cursor = new Map<number, bigint>();
  for (const part of (text ?? '').split(',')) {
    const match = /^(\d{1,6}):(\d{1,19})$/.exec(part.trim());
    if (match) cursor.set(Number(match[1]), BigInt(match[2]!));
  }
  return cursor;
}

export function formatCursor(cursor: Cursor): string {
  return [...cursor].sort(([a], [b]) => a - b).map(([partition, offset]) => `${partition}:${offset}`).join(',');
}

/** What to read for a page: on each partition, the last `pageSize` messages before the cursor (the end offset when it names none). */
export function rangesOfPage(partitions: readonly PartitionOffsets[], cursor: Cursor, pageSize: number): Array<{ partition: number; from: bigint; to: bigint }> {
  return partitions.map(({ partition, low, high }) => {
    const end = BigInt(high);
    const wanted = cursor.get(partition);
    const to = wanted !== undefined && wanted < end ? wanted : end;
    const from = to - BigInt(pageSize);
    return { partition, from: from > BigInt(low) ? from : BigInt(low), to };
  });
}

/**
 * The page out of what was read: the newest `pageSize` by timestamp, newest first, and the
 * cursor of the older page (undefined when nothing older is retained). On each partition the page
 * keeps every message read from its oldest shown one on, so the older page misses none.
 */
export function pageOf<T extends MessageAt>(read: readonly T[], partitions: readonly PartitionOffsets[], ranges: ReadonlyArray<{ partition: number; to: bigint }>, pageSize: number): { messages: T[]; older?: string } {
  const newestFirst = (a: MessageAt, b: MessageAt) => b.timestamp - a.timestamp || a.partition - b.partition || Number(b.offset - a.offset);
  const kept = [...read].sort(newestFirst).slice(0, pageSize);
  const oldestShown = new Map<number, bigint>();
  for (const { partition, offset } of kept) {
    const known = oldestShown.get(partition);
    if (known === undefined || offset < known) oldestShown.set(partition, offset);
  }
  const messages = read.filter(({ partition, offset }) => {
    const oldest = oldestShown.get(partition);
    return oldest !== undefined && offset >= oldest;
  });
  const older = new Map(ranges.map(({ partition, to }) => [partition, oldestShown.get(partition) ?? to]));
  const anyOlder = partitions.some(({ partition, low }) => (older.get(partition) ?? 0n) > BigInt(low));
  return { messages: messages.sort(newestFirst), older: anyOlder ? formatCursor(older) : undefined };
}
