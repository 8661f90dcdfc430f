import { decodeCursor } from '../domain/live-cursor';
import { LiveFeed, type LiveEvent } from './live-feed';

const topics = ['a.v1', 'b.v1'];
const at = (topic: string, offset: number): LiveEvent => ({ topic, partition: 0, offset: BigInt(offset), event: { n: `${topic}@${offset}` } });

describe('live feed', () => {
  it('when a client resumes from the id of an event, then it is replayed exactly what came after, on every topic', () => {
    const feed = new LiveFeed(topics, 100);
    [at('a.v1', 0), at('b.v1', 0), at('a.v1', 1), at('b.v1', 1)].forEach((event) => feed.append(event));
    const first = feed.replay(new Map());
    const resumeId = first.deliveries[1]?.id;
    const resumed = feed.replay(decodeCursor(resumeId, topics));
    expect(resumed.deliveries.map((delivery) => delivery.event.event.n)).toEqual(['a.v1@1', 'b.v1@1']);
    expect(resumed.gap).toBe(false);
  });

  it('when the same offset is read again (a seek), then it is held once', () => {
    const feed = new LiveFeed(topics, 100);
    feed.append(at('a.v1', 3));
    feed.append(at('a.v1', 3));
    expect(feed.eventsOf('a.v1')).toHaveLength(1);
  });

  it('when a cursor is older than what is held, then the replay says there is a gap', () => {
    const feed = new LiveFeed(topics, 2);
    [0, 1, 2, 3].forEach((offset) => feed.append(at('a.v1', offset)));
    const replay = feed.replay(new Map([['a.v1#0', 0n]]));
    expect(replay.gap).toBe(true);
    expect(replay.deliveries.map((delivery) => delivery.event.offset)).toEqual([2n, 3n]);
  });
});
