import { describe, expect, it } from 'vitest';
import { loadConfig, smtpSettingsFrom } from './config.ts';

// The proxy and outbound settings are checked at start, so a wrong value stops the server
// rather than quietly trusting the Host header or every address.

describe('PUBLIC_URL and TRUST_PROXY', () => {
  it('PUBLIC_URL is kept as an origin', () => {
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://Approvals.Example.com:443/' }).PUBLIC_URL).toBe('https://approvals.example.com');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).PUBLIC_URL).toBe('http://localhost:3000');
  });

  it.each(['https://approvals.example.com/app', 'https://approvals.example.com/?x=1', 'https://user:pw@approvals.example.com', 'ftp://approvals.example.com', 'approvals.example.com'])('PUBLIC_URL=%s is refused', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
  });

  it('TRUST_PROXY needs PUBLIC_URL: behind a proxy the origin is never the Host header', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*PUBLIC_URL/);
    expect(loadConfig({ TRUST_PROXY: 'true', PUBLIC_URL: 'https://approvals.example.com' }).TRUST_PROXY).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'sometimes', PUBLIC_URL: 'https://approvals.example.com' })).toThrow(/TRUST_PROXY/);
  });
});

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('is empty by default and parsed into hosts and ranges', () => {
    expect(loadConfig({}).WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.20.0.0/16' }).WEBHOOK_ALLOWED_HOSTS.map((e) => e.kind)).toEqual(['host', 'range']);
  });

  it('refuses an entry that is neither', () => {
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/40' })).toThrow(/WEBHOOK_ALLOWED_HOSTS.*10\.0\.0\.0\/40/);
  });
});

describe('SMTP (email)', () => {
  const smtp = { SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'Model approval <approvals@example.com>', PUBLIC_URL: 'https://approvals.example.com' };

  it('is off without SMTP_HOST, and no settings are made', () => {
    const config = loadConfig({});
    expect(config.SMTP_HOST).toBeUndefined();
    expect(smtpSettingsFrom(config)).toBeNull();
  });

  it('takes host, port, TLS, credentials and the From address from the environment', () => {
    const settings = smtpSettingsFrom(loadConfig({ ...smtp, SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_USER: 'mailer', SMTP_PASSWORD: 'secret' }));
    expect(settings).toMatchObject({ host: 'smtp.example.com', port: 465, secure: true, requireTls: false, auth: { user: 'mailer', pass: 'secret' }, from: smtp.MAIL_FROM, domain: 'approvals.example.com' });
    expect(smtpSettingsFrom(loadConfig(smtp))).toMatchObject({ port: 587, secure: false, auth: null });
  });

  it('needs a From address, the public URL for links, and user and password together', () => {
    expect(() => loadConfig({ ...smtp, MAIL_FROM: undefined })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...smtp, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL: with SMTP_HOST/);
    expect(() => loadConfig({ ...smtp, SMTP_USER: 'mailer' })).toThrow(/SMTP_PASSWORD/);
    expect(() => loadConfig({ ...smtp, MAIL_DIGEST_HOUR_UTC: '24' })).toThrow(/MAIL_DIGEST_HOUR_UTC/);
  });
});

describe('REGISTRY_MLFLOW_*', () => {
  it('an MLflow registry needs its webhook secret, of a useful length', () => {
    expect(() => loadConfig({ REGISTRY_MLFLOW_URL: 'https://mlflow.example.com' })).toThrow(/REGISTRY_MLFLOW_WEBHOOK_SECRET/);
    expect(() => loadConfig({ REGISTRY_MLFLOW_URL: 'https://mlflow.example.com', REGISTRY_MLFLOW_WEBHOOK_SECRET: 'short' })).toThrow(/at least 16 characters/);
    expect(loadConfig({ REGISTRY_MLFLOW_URL: 'https://mlflow.example.com', REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE: '/run/secrets/hook' }).REGISTRY_MLFLOW_ID).toBe('mlflow');
  });
});

describe('WITNESSES', () => {
  const witness = { name: 'witness.example', url: 'https://witness.example/add-checkpoint', publicKey: 'ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ' };

  it('is a JSON array of witnesses, with PUBLIC_URL naming the log', () => {
    expect(loadConfig({}).WITNESSES).toBeUndefined();
    expect(loadConfig({ WITNESSES: JSON.stringify([witness]), PUBLIC_URL: 'https://approvals.example.com' }).WITNESSES).toEqual([witness]);
    expect(() => loadConfig({ WITNESSES: JSON.stringify([witness]) })).toThrow(/PUBLIC_URL.*WITNESSES/);
  });

  it.each(['not json', '[]', JSON.stringify([{ ...witness, publicKey: 'short' }]), JSON.stringify([{ ...witness, extra: 1 }])])('WITNESSES=%s is refused', (value) => {
    expect(() => loadConfig({ WITNESSES: value, PUBLIC_URL: 'https://approvals.example.com' })).toThrow(/WITNESSES is a JSON array/);
  });
});
