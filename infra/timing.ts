/** "4.2 s" since a `process.hrtime.bigint()` reading: start-up times are part of the CLI output. */
export function elapsedSince(started: bigint): string {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return `${seconds.toFixed(1)} s`;
}
