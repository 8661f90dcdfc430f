import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { infraSettings, localEndpoints, registryDatabase } from './endpoints';
import { javaCommand } from './java';
import { downloadWithMaven } from './maven';
import { expectHttpStatus } from './probes';
import { runtimeDir } from './runtime-paths';
import type { ManagedServer } from './server';

const runFile = promisify(execFile);

const APICURIO_VERSION = '3.0.9';
const ARTIFACT = `io.apicurio:apicurio-registry-app:${APICURIO_VERSION}:tar.gz:all`;
const ARCHIVE_NAME = `apicurio-registry-app-${APICURIO_VERSION}-all.tar.gz`;

const registryDir = path.join(runtimeDir, 'apicurio');
// The version is in the directory name so a version bump unpacks next to, not over, the old one.
const appDir = path.join(registryDir, `app-${APICURIO_VERSION}`);
const runnerJar = path.join(appDir, `apicurio-registry-app-${APICURIO_VERSION}-runner.jar`);

async function fetchRegistryApp(): Promise<void> {
  if (fs.existsSync(runnerJar)) return;
  const downloadDir = path.join(registryDir, 'download');
  fs.mkdirSync(downloadDir, { recursive: true });
  await downloadWithMaven(
    `Apicurio Registry ${APICURIO_VERSION}`,
    ['dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${downloadDir}`],
    downloadDir,
  );
  // Unpacked aside and renamed, so an interrupted unpack is never taken as complete.
  const partialDir = `${appDir}.partial`;
  fs.rmSync(partialDir, { recursive: true, force: true });
  fs.mkdirSync(partialDir, { recursive: true });
  await runFile('tar', ['-xzf', path.join(downloadDir, ARCHIVE_NAME), '-C', partialDir]);
  fs.renameSync(partialDir, appDir);
  // The archive stays in ~/.m2; this copy would only double the disk use.
  fs.rmSync(downloadDir, { recursive: true, force: true });
}

/** Apicurio takes JDBC settings; they are derived from the same admin URL the rest of the infra uses. */
function datasourceOptions(): string[] {
  const url = new URL(localEndpoints.databaseUrl(registryDatabase));
  const port = url.port === '' ? '5432' : url.port;
  return [
    '-Dapicurio.storage.kind=sql',
    '-Dapicurio.storage.sql.kind=postgresql',
    `-Dapicurio.datasource.url=jdbc:postgresql://${url.hostname}:${port}/${registryDatabase}`,
    `-Dapicurio.datasource.username=${decodeURIComponent(url.username) || 'postgres'}`,
    `-Dapicurio.datasource.password=${decodeURIComponent(url.password) || 'postgres'}`,
    // The default pool opens 20 connections at start; the services share this PostgreSQL.
    '-Dapicurio.datasource.jdbc.initial-size=2',
    '-Dapicurio.datasource.jdbc.min-size=2',
    '-Dapicurio.datasource.jdbc.max-size=20',
  ];
}

const registryOptions = [
  // Re-registering an identical schema must return the existing id, as Confluent's registry does.
  '-Dapicurio.ccompat.use-canonical-hash=true',
  // Tests clean up the subjects they create.
  '-Dapicurio.rest.deletion.artifact.enabled=true',
  '-Dapicurio.rest.deletion.artifact-version.enabled=true',
  '-Dapicurio.rest.deletion.group.enabled=true',
];

export const registryServer: ManagedServer = {
  name: 'registry',
  label: `Apicurio Registry ${APICURIO_VERSION}`,
  url: localEndpoints.schemaRegistryUrl,
  host: infraSettings.host,
  ports: [infraSettings.registry.port],
  external: infraSettings.registry.external,
  answers: async () => {
    await expectHttpStatus(`${localEndpoints.schemaRegistryUrl}/subjects`);
    return true;
  },
  prepare: fetchRegistryApp,
  launchSpec: () => ({
    name: 'registry',
    command: javaCommand(),
    args: [
      '-Xmx512m',
      `-Dquarkus.http.port=${infraSettings.registry.port}`,
      `-Dquarkus.http.host=${infraSettings.host}`,
      ...datasourceOptions(),
      ...registryOptions,
      '-jar',
      runnerJar,
    ],
    cwd: appDir,
    marker: runnerJar,
  }),
  startTimeoutMs: 120_000,
};
