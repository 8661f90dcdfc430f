import { createCoalescingRunner } from './coalescing-runner';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** A runner whose first run blocks until `releaseFirstRun`; counts every run. */
function runnerWithSlowFirstRun() {
  const gate = deferred();
  const counter = { runs: 0 };
  const runner = createCoalescingRunner(
    async () => {
      counter.runs += 1;
      if (counter.runs === 1) await gate.promise;
    },
    { delayAfterFailure: () => 10, onError: () => undefined },
  );
  return { runner, counter, releaseFirstRun: gate.resolve };
}

describe('createCoalescingRunner', () => {
  it('when wake-ups arrive during a run, then they collapse into exactly one more run', async () => {
    const { runner, counter, releaseFirstRun } = runnerWithSlowFirstRun();

    runner.trigger();
    runner.trigger();
    runner.trigger();
    releaseFirstRun();
    await new Promise((resolve) => setImmediate(resolve));
    await runner.stop();

    expect(counter.runs).toBe(2);
  });

  it('when stopped during a run, then it waits for that run and starts no other', async () => {
    const { runner, counter, releaseFirstRun } = runnerWithSlowFirstRun();

    runner.trigger();
    runner.trigger();
    const stopped = runner.stop();
    runner.trigger();
    releaseFirstRun();
    await stopped;

    expect(counter.runs).toBe(1);
  });

  it('when a run fails, then the error is reported and the task is retried after the delay', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const succeeded = deferred();
    const runner = createCoalescingRunner(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('broker unavailable');
        succeeded.resolve();
      },
      { delayAfterFailure: () => 5, onError: (error) => errors.push(error) },
    );

    runner.trigger();
    await succeeded.promise;
    await runner.stop();

    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('broker unavailable')]);
  });

  it('when runs keep failing, then each pause is asked for with the number of failures in a row', async () => {
    const pauses: number[] = [];
    let runs = 0;
    const succeeded = deferred();
    const runner = createCoalescingRunner(
      async () => {
        runs += 1;
        if (runs <= 3) throw new Error('database unavailable');
        succeeded.resolve();
      },
      { delayAfterFailure: (failures) => (pauses.push(failures), 5), onError: () => undefined },
    );

    runner.trigger();
    await succeeded.promise;
    await runner.stop();

    expect(pauses).toEqual([1, 2, 3]);
    expect(runs).toBe(4);
  });

  it('when a wake-up arrives during the pause after a failure, then it waits for the pause instead of running at once', async () => {
    let runs = 0;
    const failed = deferred();
    const runner = createCoalescingRunner(
      async () => {
        runs += 1;
        throw new Error('database unavailable');
      },
      { delayAfterFailure: () => 60_000, onError: () => failed.resolve() },
    );

    runner.trigger();
    await failed.promise;
    await new Promise((resolve) => setImmediate(resolve));
    runner.trigger();
    runner.trigger();
    await new Promise((resolve) => setImmediate(resolve));
    await runner.stop();

    expect(runs).toBe(1);
  });
});
