import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on localhost for the tests (smtp-server, the Nodemailer project's own):
// STARTTLS with its built-in self-signed certificate, a login, and every message parsed with
// mailparser. `refuse` makes it answer a temporary failure (451) to the next messages.

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** The next `count` messages are refused with 451 after their data was sent. */
  refuseNext(count: number): void;
  /** How many messages were refused so far. */
  refused(): number;
  /** The logins the server saw. */
  logins: string[];
  close(): Promise<void>;
}

export const sinkCredentials = { user: 'mailer', pass: 'a-test-smtp-password' };

/**
 * `plain`: no STARTTLS and no login (a relay on localhost), for a server process that cannot be
 * told to trust the sink's certificate. `ackDelayMs`: a slow server, which keeps each message
 * (it is in `received`) that long before it answers 250 to its data.
 */
export async function startSmtpSink(options: { plain?: boolean; ackDelayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  let toRefuse = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    secure: false,
    // Plain logins are accepted only after STARTTLS (the default): the client must upgrade.
    authMethods: ['PLAIN', 'LOGIN'],
    ...(options.plain ? { disabledCommands: ['STARTTLS', 'AUTH'], authOptional: true } : {}),
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === sinkCredentials.user && auth.password === sinkCredentials.pass) {
        logins.push(auth.username);
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refusedCount += 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const from = session.envelope.mailFrom;
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), from: from ? from.address : '', parsed });
            if (options.ackDelayMs) setTimeout(() => callback(), options.ackDelayMs);
            else callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    logins,
    refuseNext: (count) => {
      toRefuse = count;
    },
    refused: () => refusedCount,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
