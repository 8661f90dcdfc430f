import { formatCursor, pageOf, parseCursor, rangesOfPage, type MessageAt } from './topic-page';

const partitions = [
  { partition: 0, low: '0', high: '10' },
  { partition: 1, low: '4', high: '6' },
];

describe('topic pages', () => {
  it('when a cursor is read back, then it names the same offsets, malformed parts left out', () => {
    expect(formatCursor(parseCursor('1:98, 0:120,x:1,2:-3'))).toBe('0:120,1:98');
    expect(parseCursor(undefined).size).toBe(0);
  });

  it('when the first page is asked for, then the last messages of each partition are read, down to the first retained one', () => {
    expect(rangesOfPage(partitions, new Map(), 3)).toEqual([
      { partition: 0, from: 7n, to: 10n },
      { partition: 1, from: 4n, to: 6n },
    ]);
    expect(rangesOfPage(partitions, parseCursor('0:5,1:99'), 3)).toEqual([
      { partition: 0, from: 2n, to: 5n },
      { partition: 1, from: 4n, to: 6n },
    ]);
  });

  it('when more was read than a page holds, then the newest are shown and the older page starts where the shown ones end', () => {
    const read: MessageAt[] = [
      { partition: 0, offset: 7n, timestamp: 100 },
      { partition: 0, offset: 8n, timestamp: 300 },
      { partition: 0, offset: 9n, timestamp: 500 },
      { partition: 1, offset: 4n, timestamp: 200 },
      { partition: 1, offset: 5n, timestamp: 400 },
    ];
    const page = pageOf(read, partitions, rangesOfPage(partitions, new Map(), 3), 3);
    expect(page.messages.map(({ partition, offset }) => `${partition}:${offset}`)).toEqual(['0:9', '1:5', '0:8']);
    expect(page.older).toBe('0:8,1:5');
  });

  it("when a partition's timestamps go back in time, then the page keeps what lies between its shown offsets rather than skip it", () => {
    const read: MessageAt[] = [
      { partition: 0, offset: 8n, timestamp: 500 },
      { partition: 0, offset: 9n, timestamp: 100 },
      { partition: 1, offset: 5n, timestamp: 400 },
    ];
    const page = pageOf(read, [partitions[0]!, { partition: 1, low: '0', high: '6' }], [{ partition: 0, to: 10n }, { partition: 1, to: 6n }], 2);
    expect(page.messages.map(({ partition, offset }) => `${partition}:${offset}`)).toEqual(['0:8', '1:5', '0:9']);
    expect(page.older).toBe('0:8,1:5');
  });

  it('when the page reaches the first retained message of every partition, then there is no older page', () => {
    const read: MessageAt[] = [
      { partition: 0, offset: 0n, timestamp: 1 },
      { partition: 1, offset: 4n, timestamp: 2 },
    ];
    expect(pageOf(read, partitions, [{ partition: 0, to: 1n }, { partition: 1, to: 5n }], 5).older).toBeUndefined();
  });
});
