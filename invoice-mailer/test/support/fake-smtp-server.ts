import { createServer, type Server, type Socket } from 'node:net';

/**
 * A scripted SMTP server for the failures the real catcher never produces. The reply to
 * RCPT TO is chosen per recipient by `replyTo(address, attempt)` (attempt counts from 1 per
 * address); a "250" lets the message through, anything else is sent as the server's answer.
 * `holdMessage(n)` makes it take the n-th message (from 1) whole and never answer its final
 * ".", as a server whose client dies mid-conversation would see it.
 */
export interface FakeSmtpServer {
  port: number;
  /** Recipients of the messages accepted. */
  accepted: string[];
  /** Message-IDs of every message taken to its final ".", held or not, and of those accepted. */
  receivedMessageIds: string[];
  acceptedMessageIds: string[];
  /** Resolves once a message has been held. */
  held: Promise<void>;
  listen(): Promise<void>;
  close(): Promise<void>;
}

export function createFakeSmtpServer(
  port: number,
  replyTo: (address: string, attempt: number) => string,
  options: { holdMessage?: (n: number) => boolean } = {},
): FakeSmtpServer {
  const attempts = new Map<string, number>();
  const accepted: string[] = [];
  const receivedMessageIds: string[] = [];
  const acceptedMessageIds: string[] = [];
  let heldOne!: () => void;
  const held = new Promise<void>((resolve) => (heldOne = resolve));
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  function converse(socket: Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let recipient = '';
    let messageId = '';
    const send = (line: string) => socket.write(`${line}\r\n`);
    send('220 fake-smtp ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          const header = /^message-id:\s*(\S+)/i.exec(line);
          if (header) messageId = header[1] ?? '';
          if (line !== '.') continue;
          inData = false;
          receivedMessageIds.push(messageId);
          if (options.holdMessage?.(receivedMessageIds.length)) {
            heldOne();
            continue;
          }
          accepted.push(recipient);
          acceptedMessageIds.push(messageId);
          send('250 2.0.0 queued');
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO' || command === 'HELO') send('250 fake-smtp');
        else if (command === 'MAIL') send('250 2.1.0 ok');
        else if (command === 'RCPT') {
          recipient = /<([^>]*)>/.exec(line)?.[1] ?? '';
          const attempt = (attempts.get(recipient) ?? 0) + 1;
          attempts.set(recipient, attempt);
          const reply = replyTo(recipient, attempt);
          send(reply.startsWith('250') ? '250 2.1.5 ok' : reply);
        } else if (command === 'DATA') {
          inData = true;
          send('354 go ahead');
        } else if (command === 'RSET' || command === 'NOOP') send('250 ok');
        else if (command === 'QUIT') {
          send('221 bye');
          socket.end();
        } else send('502 5.5.2 command not implemented');
      }
    });
  }

  return {
    port,
    accepted,
    receivedMessageIds,
    acceptedMessageIds,
    held,
    listen: () =>
      new Promise((resolve, reject) => {
        server = createServer(converse);
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
      }),
  };
}
