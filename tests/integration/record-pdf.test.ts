import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import { printedTime, renderRecordPdf } from '#server/pdf/record-pdf.ts';
import { documentSignerOf, newDocumentKey } from '#server/pdf/document-key.ts';
import { createRecordPdfPort } from '#server/pdf/record-pdf-port.ts';
import { createWorkerPool } from '#server/workers/worker-pool.ts';
import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { Client, origin } from '../contract/support/client.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';

// Issue 17, item 5 (docs/decisions/0119): the printable record, checked by tools nobody here
// wrote: poppler's pdfsig (the PAdES signature), pdfdetach and pdftotext (the attachment and
// the manifestations) and qpdf --check (the file's structure). Outside CI a machine without
// the tools skips; CI installs them (.ci/run) and must run these.

const tools = ['pdfsig', 'pdfdetach', 'pdftotext', 'qpdf'];
const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const skip = missing.length > 0 && !process.env.CI;

const defer = cleanUpAfterEach();

function run(command: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function exportedPdf() {
  const { app, target } = await seededSqliteApp(defer);
  const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
  // The demo's fraud and payments policy covers card payments, so the record's version carries results against it (the table the PDF prints).
  const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-pdf' });
  const reader = new Client(target);
  expect((await reader.login('model-risk@example.com')).status).toBe(200);
  const response = await app.fetch(new Request(`${origin}/api/packages/${id}/record.pdf`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status, bytes.subarray(0, 300).toString()).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="approval-record-.*\.pdf"$/);
  const published = (await reader.get('/api/keys')).body as { keys: ServerKey[]; documentCertificates?: { certificate: string; issuerCertificate: string; issuerKeyId: string }[] };
  const { keys } = published;
  const dir = mkdtempSync(join(tmpdir(), 'record-pdf-'));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'record.pdf');
  writeFileSync(file, bytes);
  return { bytes, file, dir, keys, documentCertificates: published.documentCertificates ?? [] };
}

/** The CMS SignedData in the file's one signature dictionary. */
function signedDataOf(bytes: Buffer): pkijs.SignedData {
  const text = bytes.toString('latin1');
  const at = text.indexOf('/Contents <', text.indexOf('/Type /Sig')) + '/Contents <'.length;
  const hex = text.slice(at, text.indexOf('>', at)).replace(/(00)+$/, '');
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')));
  return new pkijs.SignedData({ schema: info.content });
}

describe.skipIf(skip)('the PDF/A-3b approval record', () => {
  it('is signed as PAdES B-B (pdfsig: valid, whole document), passes qpdf --check, carries the record and every manifestation on every page', async () => {
    const { bytes, file, dir, keys, documentCertificates } = await exportedPdf();

    const sig = run('pdfsig', [file]);
    expect(sig.out).toContain('Signature Validation: Signature is Valid.');
    expect(sig.out).toContain('Total document signed');
    expect(sig.out).toContain('Signature Type: ETSI.CAdES.detached');
    const check = run('qpdf', ['--check', file]);
    expect(check.status, check.out).toBe(0);
    expect(check.out).toContain('No syntax or stream encoding errors found');

    // PDF/A-3b: declared in the XMP, the record attached as the document's source.
    const raw = bytes.toString('latin1');
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/AFRelationship \/Source/);
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/);

    // The attachment is the signed record, and it verifies with the published keys.
    expect(run('pdfdetach', ['-list', file]).out).toContain('approval-record.json');
    const attached = join(dir, 'approval-record.json');
    expect(run('pdfdetach', ['-save', '1', '-o', attached, file]).status).toBe(0);
    const recordText = readFileSync(attached, 'utf8');
    expect(recordOutcome(await verifyRecordText(recordText, { trustedKeys: keys }))).toBe('valid');
    const record = JSON.parse(recordText) as ApprovalRecord;
    expect(record.decisions.length).toBeGreaterThan(0);

    // 21 CFR 11.50 / MHRA 6.14: name, title and role, date and time with zone, meaning, reason, on every page.
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).out)?.[1] ?? '0');
    expect(pages).toBeGreaterThan(0);
    for (let page = 1; page <= pages; page++) {
      const text = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']).out.replace(/\s+/g, ' ');
      expect(text).toContain(`page ${page} of ${pages}`);
      for (const decision of record.decisions) {
        expect(text).toContain(decision.actor.displayName);
        expect(text).toContain(decision.actor.title);
        expect(text).toContain(decision.meaning);
        expect(text).toContain(printedTime(decision.decidedAt));
        expect(text).toContain('Reason:');
      }
    }
    expect(run('pdftotext', ['-l', '1', file, '-']).out).toContain(`${origin}/verify`);

    // Each version's policy results, as the attached record has them: a row per requirement (decision 0156).
    const whole = run('pdftotext', ['-layout', file, '-']).out.replace(/\s+/g, ' ');
    expect(whole).toContain('Policy results');
    const checkedVersions = record.versions.filter((v) => v.policy !== undefined);
    expect(checkedVersions.length).toBeGreaterThan(0);
    expect(whole).toContain("Requirement Policy bar Value Owner's bar Result Enforcement");
    for (const version of checkedVersions) {
      const evaluation = version.policy;
      if (!evaluation) continue;
      expect(whole).toContain(`Version ${version.number}: policy ${evaluation.policy.key} version ${evaluation.policy.version}`);
      // The policy version's terms, from the definition the record carries (0166).
      expect(whole).toContain('Applies to risk tiers 1, 2 in Card payments, Payments operations; a blocking failure refuses the submission; false-decline-ratio required for subgroups');
      for (const check of evaluation.checks) {
        const required = check.required ? `${check.required.operator} ${check.required.value}` : '—';
        expect(whole).toContain(check.subject);
        expect(whole).toContain(`${required} ${check.actual === undefined ? '—' : String(check.actual)}`);
      }
    }

    // B-B: no signing-time attribute (the claimed time is /M), the signer's certificate bound by signing-certificate-v2.
    const signedData = signedDataOf(bytes);
    const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes.map((a) => a.type) ?? [];
    expect(attributes).not.toContain('1.2.840.113549.1.9.5');
    expect(attributes).toEqual(expect.arrayContaining(['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.16.2.47']));
    expect(raw).toMatch(/\/M \(D:\d{14}Z\)/);

    // The signer's certificate is issued by the server key /api/keys publishes (Ed25519 over the TBS).
    const [leaf, issuer] = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    if (!leaf || !issuer) throw new Error('the CMS carries the signer and issuer certificates');
    const serverKey = keys.at(-1);
    if (!serverKey) throw new Error('a published key');
    const issuerRaw = Buffer.from(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    expect(issuerRaw.toString('base64url')).toBe(serverKey.publicKey);
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: serverKey.publicKey }, format: 'jwk' });
    const tbs = Buffer.from(leaf.encodeTBS().toBER(false));
    expect(verify(null, tbs, publicKey, Buffer.from(leaf.signatureValue.valueBlock.valueHexView))).toBe(true);
    // GET /api/keys publishes the same certificates, naming the key of the history that issued them.
    expect(documentCertificates).toEqual([
      { certificate: Buffer.from(leaf.toSchema().toBER(false)).toString('base64url'), issuerCertificate: Buffer.from(issuer.toSchema().toBER(false)).toString('base64url'), issuerKeyId: serverKey.keyId },
    ]);
  }, 180_000);

  it('keeps the foot of each page to ten signature lines when a record has many decisions, and the body readable', async () => {
    const { file, dir } = await exportedPdf();
    const attached = join(dir, 'many.json');
    expect(run('pdfdetach', ['-save', '1', '-o', attached, file]).status).toBe(0);
    const record = JSON.parse(readFileSync(attached, 'utf8')) as ApprovalRecord;
    const [first] = record.decisions;
    if (!first) throw new Error('a decision');
    // Sixty signatures: the foot used to grow with each, until the body had no room at all.
    const many: ApprovalRecord = { ...record, decisions: Array.from({ length: 60 }, (_, i) => ({ ...first, id: `${first.id}_${i}`, reason: `Reason number ${i + 1}.` })) };
    const serverKey = await generateServerKey();
    const documentKey = await newDocumentKey({ key: { keyId: 'k1', publicKey: serverKey.publicKey } as never, privateKey: await importServerPrivateKey(serverKey.privateKeyPkcs8) }, new Date());
    const pdf = await renderRecordPdf({ record: many, recordBytes: Buffer.from(JSON.stringify(many)), verifyUrl: `${origin}/verify`, signer: await documentSignerOf(documentKey) });
    const manyFile = join(dir, 'many.pdf');
    writeFileSync(manyFile, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [manyFile]).out)?.[1] ?? '0');
    // Sixty signatures in full under Signatures and the body: a few pages, not hundreds.
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(20);
    const last = run('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', manyFile, '-']).out.replace(/\s+/g, ' ');
    expect(last).toContain('51 earlier signatures of this record, each in full under Signatures; the latest 9:');
    expect(last).toContain('Reason: Reason number 60.');
    expect(last).not.toContain('Reason: Reason number 51.');
    expect(run('qpdf', ['--check', manyFile]).status).toBe(0);
  }, 180_000);

  it('prints a version\'s earlier policy checks, each with its policy version, terms and results, after the check in effect (0169)', async () => {
    const { file, dir } = await exportedPdf();
    const attached = join(dir, 'rechecked.json');
    expect(run('pdfdetach', ['-save', '1', '-o', attached, file]).status).toBe(0);
    const record = JSON.parse(readFileSync(attached, 'utf8')) as ApprovalRecord;
    const index = record.versions.findIndex((v) => v.policy && v.policyDefinition);
    const version = record.versions[index];
    if (!version?.policy || !version.policyDefinition) throw new Error('a checked version');
    // The check at submission against an earlier version of the policy, with a stricter latency bar the version failed.
    const definition = { ...version.policyDefinition, version: version.policyDefinition.version + 1, metrics: [{ metric: 'latency-p99' as const, operator: '<=' as const, value: 1, enforcement: 'blocking' as const }] };
    const earlier = { ...version.policy, policy: { ...version.policy.policy, version: definition.version }, outcome: 'flagged' as const, checks: [{ kind: 'metric' as const, subject: 'latency-p99', enforcement: 'blocking' as const, status: 'fail' as const, required: { operator: '<=' as const, value: 1 }, actual: 18 }] };
    const rechecked: ApprovalRecord = { ...record, versions: record.versions.map((v, i) => (i === index ? { ...v, earlierPolicyChecks: [{ seq: 0, evaluatedAt: '2026-12-01T09:30:00.000Z', policy: earlier, policyDefinition: definition }] } : v)) };
    const serverKey = await generateServerKey();
    const documentKey = await newDocumentKey({ key: { keyId: 'k1', publicKey: serverKey.publicKey } as never, privateKey: await importServerPrivateKey(serverKey.privateKeyPkcs8) }, new Date());
    const pdf = await renderRecordPdf({ record: rechecked, recordBytes: Buffer.from(JSON.stringify(rechecked)), verifyUrl: `${origin}/verify`, signer: await documentSignerOf(documentKey) });
    const out = join(dir, 'rechecked.pdf');
    writeFileSync(out, pdf);
    const whole = run('pdftotext', ['-layout', out, '-']).out.replace(/\s+/g, ' ');
    const inEffect = `Version ${version.number}: policy ${version.policy.policy.key} version ${version.policy.policy.version} (${version.policy.policy.name}), outcome ${version.policy.outcome} (the check in effect)`;
    const before = `Version ${version.number}, earlier check at submission (${printedTime('2026-12-01T09:30:00.000Z')}): policy ${version.policy.policy.key} version ${definition.version} (${version.policy.policy.name}), outcome flagged`;
    expect(whole).toContain(inEffect);
    expect(whole).toContain(before);
    expect(whole.indexOf(before)).toBeGreaterThan(whole.indexOf(inEffect));
    expect(whole.slice(whole.indexOf(before), whole.indexOf(before) + 600)).toMatch(/latency-p99 <= 1 18/);
  }, 180_000);

  it('is drawn and signed on a compute worker thread on the server, and that PDF verifies', async () => {
    const { file, dir } = await exportedPdf();
    const attached = join(dir, 'record.json');
    expect(run('pdfdetach', ['-save', '1', '-o', attached, file]).status).toBe(0);
    const recordBytes = readFileSync(attached);
    const record = JSON.parse(recordBytes.toString('utf8')) as ApprovalRecord;
    const serverKey = await generateServerKey();
    const signing = { key: { keyId: 'k1', publicKey: serverKey.publicKey } as never, privateKey: await importServerPrivateKey(serverKey.privateKeyPkcs8) };
    const pool = createWorkerPool({ workers: 1, queue: 0, budgetMs: 120_000 });
    defer(() => pool.close());
    let threaded = 0;
    const port = createRecordPdfPort(await newDocumentKey(signing, new Date()), (job) => {
      threaded++;
      return pool.recordPdf(job);
    });
    const pdf = await port.render({ record, recordBytes, verifyUrl: `${origin}/verify`, serverKey: signing });
    expect(threaded).toBe(1);
    const threadedFile = join(dir, 'threaded.pdf');
    writeFileSync(threadedFile, pdf);
    expect(run('pdfsig', [threadedFile]).out).toContain('Signature Validation: Signature is Valid.');
    const again = join(dir, 'again.json');
    expect(run('pdfdetach', ['-save', '1', '-o', again, threadedFile]).status).toBe(0);
    expect(readFileSync(again).equals(recordBytes)).toBe(true);
  }, 180_000);

  it('a one-byte change anywhere in the signed bytes is caught by pdfsig', async () => {
    const { bytes, file } = await exportedPdf();
    const at = bytes.indexOf('/Author');
    expect(at).toBeGreaterThan(0);
    const changed = Buffer.from(bytes);
    const position = at + '/Author ('.length;
    changed[position] = (changed[position] ?? 0) ^ 0x01;
    writeFileSync(file, changed);
    const sig = run('pdfsig', [file]);
    expect(sig.out).toContain('Signature Validation:');
    expect(sig.out).not.toContain('Signature is Valid.');
    expect(run('qpdf', ['--check', file]).status).toBe(0);
  }, 180_000);
});
