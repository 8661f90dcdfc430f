import path from 'node:path';
import { infraSettings, localEndpoints } from './endpoints';
import { expectHttpStatus, readBanner } from './probes';
import { infraDir, runtimeDir } from './runtime-paths';
import type { ManagedServer } from './server';

// Resolved from the package itself rather than node_modules/.bin, whose shim differs per OS.
const maildevScript = path.join(path.dirname(require.resolve('maildev/package.json', { paths: [infraDir] })), 'bin', 'maildev');
// Kept under .runtime (not the OS temp dir) so caught mails survive a restart and a reset removes them.
const mailDirectory = path.join(runtimeDir, 'mail');

const { host } = infraSettings;
const { smtpPort, webPort } = infraSettings.mail;

export const mailServer: ManagedServer = {
  name: 'mail',
  label: 'maildev 2.2.1 SMTP catcher',
  url: `smtp://${host}:${smtpPort}, web/API ${localEndpoints.mailApiUrl}`,
  host,
  ports: [smtpPort, webPort],
  external: false,
  // Both halves must work: services send through SMTP, tests read through the REST API.
  answers: async () => {
    const banner = await readBanner(host, smtpPort);
    if (!banner.startsWith('220')) throw new Error(`unexpected SMTP greeting: ${banner}`);
    await expectHttpStatus(`${localEndpoints.mailApiUrl}/email`);
    return true;
  },
  prepare: async () => undefined,
  launchSpec: () => ({
    name: 'mail',
    command: process.execPath,
    args: [
      maildevScript,
      '--smtp',
      String(smtpPort),
      '--web',
      String(webPort),
      '--ip',
      host,
      '--web-ip',
      host,
      '--mail-directory',
      mailDirectory,
    ],
    cwd: infraDir,
    marker: mailDirectory,
  }),
  startTimeoutMs: 60_000,
};
