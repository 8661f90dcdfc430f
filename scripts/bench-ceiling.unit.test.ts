import { latenciesOfLog, summaryOfPgbench } from './bench-ceiling';
import { describeCpu } from './bench-cpu';

describe('the ceiling bench', () => {
  it("reads pgbench's throughput without connecting and its failed transactions", () => {
    const output = [
      'number of transactions actually processed: 2016/2016',
      'number of failed transactions: 3 (0.149%)',
      'latency average = 41.623 ms',
      'initial connection time = 120.512 ms',
      'tps = 768.810339 (without initial connection time)',
    ].join('\n');
    expect(summaryOfPgbench(output)).toEqual({ throughput: 768.810339, failed: 3 });
  });

  it('refuses a report without throughput, as an aborted run prints', () => {
    expect(() => summaryOfPgbench('pgbench: error: Run was aborted; the above results are incomplete.')).toThrow(/no tps/);
  });

  it('reads each transaction latency in ms from the per-transaction log, skipping failed ones', () => {
    const log = ['0 0 38512 0 1764771795 123456', '1 0 failed 0 1764771795 223456', '1 1 1250 0 1764771795 323456', ''].join('\n');
    expect(latenciesOfLog(log)).toEqual([38.512, 1.25]);
  });
});

describe('the CPU split', () => {
  it('gives each part its share of the busy CPU, the rest of the machine as other', () => {
    const line = describeCpu({ service: 120, postgres: 60, loadGenerator: 10, machine: 200 }, 1);
    expect(line).toMatch(/^service 60% · PostgreSQL 30% · load generator 5% · other 5% of 2\.0 s busy CPU/);
  });

  it('leaves the service out when there is none, as in the ceiling', () => {
    expect(describeCpu({ service: 0, postgres: 80, loadGenerator: 20, machine: 100 }, 1)).toMatch(/^PostgreSQL 80% · load generator 20% · other 0%/);
  });
});
