import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { infraSettings, localEndpoints } from './endpoints';
import { downloadWithMaven } from './maven';
import { expectHttpStatus } from './probes';
import { infraDir, runtimeDir } from './runtime-paths';
import type { ManagedServer } from './server';

const runFile = promisify(execFile);

// 26.4 is the newest line that still runs on Java 17, the JDK the infrastructure needs anyway.
// docker-compose.yml runs the same version (a repository test keeps them equal).
export const KEYCLOAK_VERSION = '26.4.7';
const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`;
const ARCHIVE_NAME = `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz`;

export const realmFile = path.join(infraDir, 'keycloak', 'boissipay-realm.json');

const keycloakDir = path.join(runtimeDir, 'keycloak');
// The archive unpacks to keycloak-<version>/; the version in the name lets a bump unpack beside the old one.
const homeDir = path.join(keycloakDir, `keycloak-${KEYCLOAK_VERSION}`);
const launcher = path.join(homeDir, 'bin', 'kc.sh');
const dataDir = path.join(homeDir, 'data');
const importDir = path.join(dataDir, 'import');
// Written after `kc.sh build`: the build fixes the database kind and takes about half a minute,
// which `start --optimized` then skips on every start.
const builtMarker = path.join(homeDir, '.boissipay-built');
const importedRealmHash = path.join(dataDir, '.boissipay-realm.sha256');

/** Local only: the master realm's administrator, for the admin console at :8090/admin. */
const LOCAL_ADMIN = { KC_BOOTSTRAP_ADMIN_USERNAME: 'admin', KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin' };
// The default heap is 70% of the machine's memory; a few users need far less.
const launcherEnvironment = { ...LOCAL_ADMIN, JAVA_OPTS_KC_HEAP: '-Xms64m -Xmx512m' };

async function fetchKeycloak(): Promise<void> {
  if (fs.existsSync(launcher)) return;
  const downloadDir = path.join(keycloakDir, 'download');
  fs.mkdirSync(downloadDir, { recursive: true });
  await downloadWithMaven(
    `Keycloak ${KEYCLOAK_VERSION}`,
    ['dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${downloadDir}`],
    downloadDir,
  );
  // Unpacked aside and renamed, so an interrupted unpack is never taken as complete.
  const partialDir = path.join(keycloakDir, 'unpacking');
  fs.rmSync(partialDir, { recursive: true, force: true });
  fs.mkdirSync(partialDir, { recursive: true });
  await runFile('tar', ['-xzf', path.join(downloadDir, ARCHIVE_NAME), '-C', partialDir]);
  fs.renameSync(path.join(partialDir, `keycloak-${KEYCLOAK_VERSION}`), homeDir);
  fs.rmSync(partialDir, { recursive: true, force: true });
  // The archive stays in ~/.m2; this copy would only double the disk use.
  fs.rmSync(downloadDir, { recursive: true, force: true });
}

async function buildOnce(): Promise<void> {
  if (fs.existsSync(builtMarker)) return;
  // dev-file: an H2 file under data/, nothing to install. Local data only, never production.
  await runFile(launcher, ['build', '--db=dev-file'], { cwd: homeDir, env: { ...process.env, ...launcherEnvironment } });
  fs.writeFileSync(builtMarker, `${new Date().toISOString()}\n`);
}

/**
 * Keycloak imports a realm only when it does not exist yet. The realm file is the source of
 * truth here, so when it changed since the last import the local database is dropped and the
 * realm imported afresh (it holds nothing but the demo users and their sessions).
 */
function stageRealm(): void {
  const realm = fs.readFileSync(realmFile);
  const hash = createHash('sha256').update(realm).digest('hex');
  const previous = fs.existsSync(importedRealmHash) ? fs.readFileSync(importedRealmHash, 'utf8').trim() : '';
  if (previous === hash) return;
  fs.rmSync(path.join(dataDir, 'h2'), { recursive: true, force: true });
  fs.mkdirSync(importDir, { recursive: true });
  fs.writeFileSync(path.join(importDir, path.basename(realmFile)), realm);
  fs.writeFileSync(importedRealmHash, `${hash}\n`);
}

async function prepareKeycloak(): Promise<void> {
  if (process.platform === 'win32') throw new Error('the local Keycloak is started with kc.sh: use WSL, or set KEYCLOAK_URL to a running one');
  await fetchKeycloak();
  await buildOnce();
  stageRealm();
}

const { port } = infraSettings.keycloak;

export const keycloakServer: ManagedServer = {
  name: 'keycloak',
  label: `Keycloak ${KEYCLOAK_VERSION}`,
  url: localEndpoints.keycloak.url,
  host: infraSettings.host,
  ports: [port],
  external: infraSettings.keycloak.external,
  // The realm's discovery document: answers once the realm has been imported, not just the server.
  answers: async () => {
    await expectHttpStatus(localEndpoints.keycloak.discoveryUrl);
    return true;
  },
  prepare: prepareKeycloak,
  launchSpec: () => ({
    name: 'keycloak',
    command: launcher,
    args: [
      'start',
      '--optimized',
      // Production mode with plain HTTP on the loopback interface: start-dev would rebuild on every start.
      '--http-enabled=true',
      `--http-host=${infraSettings.host}`,
      `--http-port=${port}`,
      // The issuer is this URL whichever address a token is requested through.
      `--hostname=${localEndpoints.keycloak.url}`,
      // One node: no cluster discovery.
      '--cache=local',
      '--import-realm',
    ],
    cwd: homeDir,
    marker: homeDir,
    env: launcherEnvironment,
  }),
  // Its first start creates the database schema and imports the realm: about a minute on two busy cores.
  startTimeoutMs: 240_000,
};
