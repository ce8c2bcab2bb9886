// A real SAML 2.0 identity provider for tests: SimpleSAMLphp from Debian's packages
// (`apt-get install simplesamlphp php-cli`; .ci/run installs them), served by PHP's built-in
// web server on 127.0.0.1 and a free port. Everything it reads is generated here into a
// temporary directory: config.php, an `exampleauth:UserPass` source with the users and their
// attributes, the hosted IdP's metadata and key pair, and the app as a remote SP. The users'
// attributes can be changed between log-ins (PHP reads the files on every request: the opcache,
// which would serve a two-second-old copy, is off).
// `signInAtIdp` drives the IdP's real log-in form with fetch and returns the HTTP-POST binding's
// SAMLResponse, as a browser would submit it to the app.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const simpleSamlWww = '/usr/share/simplesamlphp/www';

export interface IdpUser {
  password: string;
  /** Attributes as the IdP releases them, e.g. { mail: ['a@b'], groups: ['x', 'y'] }. */
  attributes: Record<string, readonly string[]>;
}

export interface IdpSp {
  entityId: string;
  acsUrl: string;
  /** The SP's certificate (PEM); with `encrypt`, assertions are encrypted to it. */
  certificate?: string;
  encrypt?: boolean;
  /** Sign the whole Response too (the assertion is always signed). */
  signResponse?: boolean;
}

export interface IdpOptions {
  users: Record<string, IdpUser>;
  sp: IdpSp;
  /** Fixed port (the e2e server's); a free one when absent. */
  port?: number;
}

export interface TestIdp {
  entityId: string;
  baseUrl: string;
  /** The IdP's metadata XML, as fetched from the running IdP. */
  metadataXml: string;
  metadataUrl: string;
  /** The IdP's signing key pair (PEM), for tests that forge responses it would have signed. */
  privateKey: string;
  certificate: string;
  dir: string;
  setUser(login: string, user: IdpUser): void;
  setSp(sp: IdpSp): void;
  close(): Promise<void>;
}

/** A self-signed RSA certificate and key, made by openssl. */
export function makeCertificate(dir: string, name: string, commonName: string): { key: string; cert: string; keyPath: string; certPath: string } {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3', '-subj', `/CN=${commonName}`, '-keyout', keyPath, '-out', certPath], { stdio: 'ignore' });
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), keyPath, certPath };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A PHP expression for any JSON value (decoded at run time: no PHP quoting of our own). */
function php(value: unknown): string {
  return `json_decode('${JSON.stringify(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}', true)`;
}

const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export async function startSimpleSamlIdp(options: IdpOptions): Promise<TestIdp> {
  if (!existsSync(simpleSamlWww)) throw new Error('SimpleSAMLphp is not installed: apt-get install -y simplesamlphp php-cli (as .ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'saml-idp-'));
  for (const sub of ['metadata', 'cert', 'log', 'data', 'tmp', 'sessions']) mkdirSync(join(dir, sub));
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const entityId = `${baseUrl}/saml2/idp/metadata.php`;
  const { key, cert } = makeCertificate(join(dir, 'cert'), 'idp', 'test-idp');
  const users = new Map(Object.entries(options.users));

  const writeUsers = () => {
    const source: Record<string, Record<string, readonly string[]>> = {};
    for (const [login, user] of users) source[`${login}:${user.password}`] = user.attributes;
    writeFileSync(
      join(dir, 'authsources.php'),
      `<?php\n$config = array_merge(['admin' => ['core:AdminPassword']], ['example-userpass' => array_merge(['exampleauth:UserPass'], ${php(source)})]);\n`,
    );
  };
  const writeSp = (sp: IdpSp) => {
    const remote = {
      AssertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: sp.acsUrl }],
      NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      'saml20.sign.assertion': true,
      'saml20.sign.response': sp.signResponse ?? false,
      'assertion.encryption': sp.encrypt ?? false,
      ...(sp.certificate ? { certData: pemBody(sp.certificate) } : {}),
      'validate.authnrequest': false,
      'attributes.NameFormat': 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    };
    writeFileSync(join(dir, 'metadata', 'saml20-sp-remote.php'), `<?php\n$metadata[${php(sp.entityId)}] = ${php(remote)};\n`);
  };

  writeFileSync(
    join(dir, 'config.php'),
    `<?php\n$config = array_merge(${php({
      baseurlpath: `${baseUrl}/`,
      certdir: `${join(dir, 'cert')}/`,
      loggingdir: `${join(dir, 'log')}/`,
      datadir: `${join(dir, 'data')}/`,
      tempdir: join(dir, 'tmp'),
      metadatadir: `${join(dir, 'metadata')}/`,
      attributenamemapdir: '/etc/simplesamlphp/attributemap/',
      secretsalt: key.slice(40, 80).replace(/[^A-Za-z0-9]/g, 'x'),
      'auth.adminpassword': 'not-used-in-tests',
      technicalcontact_name: 'Tests',
      technicalcontact_email: 'tests@example.com',
      timezone: 'UTC',
      'enable.saml20-idp': true,
      'module.enable': { exampleauth: true, core: true, saml: true },
      'store.type': 'phpsession',
      'session.phpsession.savepath': join(dir, 'sessions'),
      'session.cookie.secure': false,
      'session.cookie.samesite': null,
      'logging.handler': 'file',
      'logging.logfile': 'simplesamlphp.log',
      'language.available': ['en'],
      'language.default': 'en',
      'admin.checkforupdates': false,
      showerrors: true,
      errorreporting: false,
      'assertion.allowed_clock_skew': 180,
    })}, ['logging.level' => SimpleSAML\\Logger::INFO]);\n`,
  );
  writeFileSync(
    join(dir, 'metadata', 'saml20-idp-hosted.php'),
    `<?php\n$metadata['__DYNAMIC:1__'] = ${php({
      host: '__DEFAULT__',
      privatekey: 'idp.key',
      certificate: 'idp.crt',
      auth: 'example-userpass',
      // The persistent NameID is the user's uid: the subject the app keys accounts on.
      authproc: { 10: { class: 'saml:AttributeNameID', attribute: 'uid', Format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' } },
      'signature.algorithm': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    })};\n`,
  );
  writeUsers();
  writeSp(options.sp);

  const child: ChildProcess = spawn('php', ['-d', 'opcache.enable=0', '-S', `127.0.0.1:${port}`, '-t', simpleSamlWww], {
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: dir, PHP_CLI_SERVER_WORKERS: '2' },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: the workers PHP forks are ended with it (see close).
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // Synchronous up to the first await, so a process 'exit' handler can call it too.
  const close = async () => {
    const running = child.exitCode === null && child.signalCode === null;
    const exited = running ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
    if (running && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
    rmSync(dir, { recursive: true, force: true });
    await exited;
  };

  const metadataUrl = `${baseUrl}/saml2/idp/metadata.php?output=xml`;
  let metadataXml = '';
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(metadataUrl);
      metadataXml = await response.text();
      if (response.ok && metadataXml.includes('EntityDescriptor')) break;
      throw new Error(`metadata answered ${response.status}: ${metadataXml.slice(0, 500)}`);
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        await close();
        throw new Error(`SimpleSAMLphp did not start: ${error instanceof Error ? error.message : String(error)}\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  return {
    entityId,
    baseUrl,
    metadataXml,
    metadataUrl,
    privateKey: key,
    certificate: cert,
    dir,
    setUser(login, user) {
      users.set(login, user);
      writeUsers();
    },
    setSp: writeSp,
    close,
  };
}

/** A tiny cookie jar: what a browser would keep for the IdP between its pages. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const decodeHtml = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#039;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

function hiddenInput(html: string, name: string): string | null {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`, 'i').exec(html) ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`, 'i').exec(html);
  return match?.[1] === undefined ? null : decodeHtml(match[1]);
}

export interface IdpPost {
  /** Where the IdP's auto-submitting form posts to (the app's ACS). */
  action: string;
  SAMLResponse: string;
  RelayState: string | null;
}

/**
 * Follows the app's redirect to the IdP, fills in its user-name/password form and returns the
 * HTTP-POST binding form the IdP answers with.
 */
export async function signInAtIdp(redirectUrl: string, login: string, password: string): Promise<IdpPost> {
  const jar = new Jar();
  let url = redirectUrl;
  let response: Response;
  for (let hops = 0; ; hops += 1) {
    response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && hops < 10) {
      url = new URL(location, url).href;
      continue;
    }
    break;
  }
  const page = await response.text();
  const authState = hiddenInput(page, 'AuthState');
  if (!authState) throw new Error(`No log-in form at the IdP (${response.status} ${url}): ${page.slice(0, 800)}`);
  const posted = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: login, password, AuthState: authState }).toString(),
  });
  jar.take(posted);
  let html = await posted.text();
  let next = posted.headers.get('location');
  let at = url;
  for (let hops = 0; next && hops < 10; hops += 1) {
    at = new URL(next, at).href;
    const followed = await fetch(at, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(followed);
    html = await followed.text();
    next = followed.headers.get('location');
  }
  const samlResponse = hiddenInput(html, 'SAMLResponse');
  const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1];
  if (!samlResponse || !action) throw new Error(`The IdP did not answer with a SAMLResponse form: ${html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 1500)}`);
  return { action: decodeHtml(action), SAMLResponse: samlResponse, RelayState: hiddenInput(html, 'RelayState') };
}

/** The account and mapping the e2e server's SAML IdP is started with (e2e/saml.spec.ts). */
export const e2eSaml = {
  login: 'sam',
  password: 'sam-at-the-idp',
  displayName: 'Bank SAML',
  roleMap: 'grp-data-governance=data_governance',
  spEntityId: 'https://model-approval.example/e2e-saml',
  user: {
    password: 'sam-at-the-idp',
    attributes: { uid: ['sam.saml'], email: ['sam.saml@bank.example'], displayName: ['Sam SAML-Reviewer'], groups: ['grp-data-governance', 'grp-unknown'] },
  },
} as const;
