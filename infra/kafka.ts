import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { infraSettings, localEndpoints } from './endpoints';
import { javaCommand } from './java';
import {
  KAFKA_VERSION,
  kafkaDataDir,
  kafkaDir,
  kafkaLibsDir,
  kafkaLibsPresent,
  kafkaPom,
  kafkaStorageFormatted,
  log4jPropertiesFile,
  serverPropertiesFile,
  writeKafkaConfig,
} from './kafka-files';
import { kafkaRoundTrip } from './kafka-ping';
import { downloadWithMaven } from './maven';
import type { ManagedServer } from './server';

const runFile = promisify(execFile);

// Java expands the `*` itself; a relative classpath keeps the command line short.
const CLASSPATH = `libs${path.sep}*`;

function log4jOption(): string {
  return `-Dlog4j.configuration=${pathToFileURL(log4jPropertiesFile).href}`;
}

async function fetchKafkaLibs(): Promise<void> {
  if (kafkaLibsPresent()) return;
  // Downloaded next to the final place and renamed, so an interrupted fetch is never taken as complete.
  const partialDir = `${kafkaLibsDir}.partial`;
  fs.rmSync(partialDir, { recursive: true, force: true });
  fs.mkdirSync(partialDir, { recursive: true });
  await downloadWithMaven(
    `Apache Kafka ${KAFKA_VERSION} jars`,
    ['-f', kafkaPom, 'dependency:copy-dependencies', `-DoutputDirectory=${partialDir}`, '-DincludeScope=runtime'],
    partialDir,
  );
  fs.rmSync(kafkaLibsDir, { recursive: true, force: true });
  fs.renameSync(partialDir, kafkaLibsDir);
}

async function runStorageTool(args: string[]): Promise<string> {
  const { stdout } = await runFile(javaCommand(), [log4jOption(), '-cp', CLASSPATH, 'kafka.tools.StorageTool', ...args], {
    cwd: kafkaDir,
  });
  return stdout.trim();
}

/** KRaft needs its log directory stamped with a cluster id before the first start, once. */
async function formatStorageOnce(): Promise<void> {
  if (kafkaStorageFormatted()) return;
  const clusterId = await runStorageTool(['random-uuid']);
  await runStorageTool(['format', '-t', clusterId, '-c', serverPropertiesFile]);
  console.log(`  kafka     formatted KRaft storage in ${kafkaDataDir} (cluster id ${clusterId})`);
}

export const kafkaServer: ManagedServer = {
  name: 'kafka',
  label: `Kafka ${KAFKA_VERSION} (KRaft)`,
  url: localEndpoints.kafkaBrokers.join(','),
  host: infraSettings.host,
  ports: [infraSettings.kafka.port, infraSettings.kafka.controllerPort],
  external: infraSettings.kafka.external,
  answers: () => kafkaRoundTrip(localEndpoints.kafkaBrokers),
  prepare: async () => {
    await fetchKafkaLibs();
    writeKafkaConfig();
    await formatStorageOnce();
  },
  launchSpec: () => ({
    name: 'kafka',
    command: javaCommand(),
    args: ['-Xmx512m', '-cp', CLASSPATH, log4jOption(), 'kafka.Kafka', serverPropertiesFile],
    cwd: kafkaDir,
    // Our absolute config path tells our broker apart from any other Kafka on the machine.
    marker: serverPropertiesFile,
  }),
  startTimeoutMs: 120_000,
};
