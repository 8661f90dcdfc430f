import { encodeCursor, isAfter, partitionKey, type LiveCursor } from '../domain/live-cursor';

/** One message of a live topic, decoded, at its place in Kafka. */
export interface LiveEvent {
  topic: string;
  partition: number;
  offset: bigint;
  event: Record<string, unknown>;
}

/** What a client is sent: the event and the id that resumes right after it. */
export interface LiveDelivery {
  id: string;
  event: LiveEvent;
}

type Listener = (event: LiveEvent) => void;

/**
 * The events of the live topics, in the order Kafka gave them, the last `bufferSize` of each
 * partition. A client is replayed what comes after its cursor, then follows new events; ids
 * are cursors (domain/live-cursor), so the replay needs nothing but Kafka's offsets.
 */
export class LiveFeed {
  private readonly events: LiveEvent[] = [];
  private readonly perPartition = new Map<string, number>();
  /** Oldest offset still held per partition: a cursor before it has missed events. */
  private readonly oldest = new Map<string, bigint>();
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly topics: readonly string[],
    private readonly bufferSize: number,
  ) {}

  append(event: LiveEvent): void {
    const key = partitionKey(event.topic, event.partition);
    const latest = this.events.findLast((held) => held.topic === event.topic && held.partition === event.partition);
    if (latest && latest.offset >= event.offset) return; // read again after a seek: already held
    this.events.push(event);
    const count = (this.perPartition.get(key) ?? 0) + 1;
    this.perPartition.set(key, count);
    if (!this.oldest.has(key)) this.oldest.set(key, event.offset);
    if (count > this.bufferSize) this.dropOldestOf(event.topic, event.partition);
    for (const listener of this.listeners) listener(event);
  }

  /** Events after `cursor`, each with the id that resumes after it; `gap` when some were dropped from memory before the client got them. */
  replay(cursor: LiveCursor): { deliveries: LiveDelivery[]; gap: boolean; next: Map<string, bigint> } {
    const next = new Map(cursor);
    const gap = [...cursor].some(([key, offset]) => (this.oldest.get(key) ?? 0n) > offset + 1n);
    const deliveries = this.events.filter((held) => isAfter(cursor, held.topic, held.partition, held.offset)).map((held) => this.advance(next, held));
    return { deliveries, gap, next };
  }

  /** Moves `cursor` past `event` and returns the delivery of it. */
  advance(cursor: Map<string, bigint>, event: LiveEvent): LiveDelivery {
    cursor.set(partitionKey(event.topic, event.partition), event.offset);
    return { id: encodeCursor(cursor, this.topics), event };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Held events of `topic`, oldest first. */
  eventsOf(topic: string): LiveEvent[] {
    return this.events.filter((held) => held.topic === topic);
  }

  private dropOldestOf(topic: string, partition: number): void {
    const index = this.events.findIndex((held) => held.topic === topic && held.partition === partition);
    const [dropped] = this.events.splice(index, 1);
    const key = partitionKey(topic, partition);
    this.perPartition.set(key, (this.perPartition.get(key) ?? 1) - 1);
    const following = this.events.find((held) => held.topic === topic && held.partition === partition);
    if (dropped) this.oldest.set(key, following?.offset ?? dropped.offset + 1n);
  }
}
