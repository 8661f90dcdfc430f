import { waitFor } from '@boissipay/runtime/testing';
import { testEnvironment, WAIT_TIMEOUT_MS } from './mailer-under-test';

/** An e-mail as maildev's REST API lists it. */
export interface CaughtEmail {
  id: string;
  subject: string;
  html: string;
  text?: string;
  messageId: string;
  headers: Record<string, string>;
  from: Array<{ address: string; name: string }>;
  to: Array<{ address: string; name: string }>;
  attachments?: Array<{ fileName: string; generatedFileName: string; contentType: string; length: number }>;
}

/** Every e-mail the local catcher received for `address` (each test uses addresses of its own). */
export async function emailsTo(address: string): Promise<CaughtEmail[]> {
  const response = await fetch(`${testEnvironment.mailApiUrl}/email?${new URLSearchParams({ 'to.address': address })}`);
  if (!response.ok) throw new Error(`maildev GET /email answered ${response.status}`);
  return (await response.json()) as CaughtEmail[];
}

export async function waitForEmailTo(address: string): Promise<CaughtEmail> {
  const [email] = await waitFor(async () => {
    const emails = await emailsTo(address);
    return emails.length > 0 && emails;
  }, { timeoutMs: WAIT_TIMEOUT_MS, description: `an e-mail to ${address}` });
  return email!;
}

/** The bytes of the attachment the sender named `fileName`. */
export async function attachmentOf(email: CaughtEmail, fileName: string): Promise<{ contentType: string; content: Buffer }> {
  const attachment = email.attachments?.find((candidate) => candidate.fileName === fileName);
  if (!attachment) throw new Error(`e-mail ${email.id} has no attachment ${fileName} (has: ${email.attachments?.map((a) => a.fileName).join(', ') ?? 'none'})`);
  const response = await fetch(`${testEnvironment.mailApiUrl}/email/${email.id}/attachment/${encodeURIComponent(attachment.generatedFileName)}`);
  if (!response.ok) throw new Error(`maildev attachment download answered ${response.status}`);
  return { contentType: attachment.contentType, content: Buffer.from(await response.arrayBuffer()) };
}
