import { createTransport } from 'nodemailer';

// The SMTP side of email, with Nodemailer: one transport per instance, from the configuration
// (smtpSettingsFrom in server/config.ts). No SMTP_HOST, no transport, and so no mail at all.

export interface MailMessage {
  /** The outbox row's id: the Message-ID, so a retried send is the same message to anyone who dedupes. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
  /** The Message-ID's domain (the public host). */
  domain: string;
  /** Tests: a self-signed certificate on localhost. */
  rejectUnauthorized?: boolean;
  timeoutMs?: number;
}

export function smtpSender(settings: SmtpSettings): MailSender {
  const timeout = settings.timeoutMs ?? 30_000;
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    ...(settings.auth ? { auth: settings.auth } : {}),
    ...(settings.rejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, html: message.html, messageId: `<${message.id}@${settings.domain}>` });
    },
    close: () => transport.close(),
  };
}
