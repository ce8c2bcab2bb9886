// `npm run verify -- record.json [--key <base64url Ed25519 public key>]...`: checks an
// exported approval record offline, with the same domain code as the /verify page, and
// prints every check. Exit 0: valid; 1: invalid (every reason printed); 2: usage error;
// 3: demonstration data (seeded demo decisions nobody signed: never evidence).
import { readFileSync } from 'node:fs';
import { fromBase64Url } from '#domain/signing/base64url.ts';
import { errorMessage } from '#domain/signing/error-message.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';

const usage = `Usage: npm run verify -- <record.json> [--key <server public key>]...

Checks an approval record exported by GET /api/packages/{id}/record, without the network:
the server's signature over the record, every content hash, every decision signature and
countersignature, the signed tree head, every audit entry and its inclusion proof.

  --key <base64url>  A raw Ed25519 public key of the server you trust (GET /api/keys); may
                     be repeated. The record must then be signed by one of them.

Exit status: 0 valid, 1 invalid, 2 usage error, 3 demonstration data (decisions seeded by
the demo, which nobody signed: never evidence).`;

function usageError(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function parseArguments(args: readonly string[]): { file: string; keys: string[] } {
  const files: string[] = [];
  const keys: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (arg === '--key' || arg.startsWith('--key=')) {
      const key = arg === '--key' ? args[++index] : arg.slice('--key='.length);
      if (!key) usageError('--key needs a value: the server public key, base64url.');
      keys.push(key);
    } else if (arg.startsWith('-') && arg !== '-') {
      usageError(`Unknown option ${arg}.`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || !files[0]) usageError(files.length === 0 ? 'Give the record file to verify.' : 'Give one record file at a time.');
  for (const key of keys) {
    let length: number;
    try {
      length = fromBase64Url(key).length;
    } catch (error) {
      usageError(`--key ${key}: ${errorMessage(error)}.`);
    }
    if (length !== 32) usageError(`--key ${key}: an Ed25519 public key is 32 bytes, this is ${length}.`);
  }
  return { file: files[0], keys };
}

const { file, keys } = parseArguments(process.argv.slice(2));
let bytes: Uint8Array;
try {
  bytes = file === '-' ? readFileSync(0) : readFileSync(file);
} catch (error) {
  usageError(`Cannot read ${file}: ${errorMessage(error)}`);
}

const verdict = await verifyRecordText(bytes, keys.length > 0 ? { trustedKeys: keys.map((publicKey) => ({ publicKey })) } : {});
const { record } = verdict;
console.log(`Approval record ${file}`);
if (record) {
  const p = record.package;
  console.log(`  ${p.modelName} (${p.modelKey} ${p.versionLabel}), package ${p.id}: ${p.status.replaceAll('_', ' ')}, ${record.versions.length} version(s), ${record.decisions.length} decision(s), exported ${record.exportedAt}`);
}
for (const check of verdict.checks) console.log(`${check.ok ? '✓' : '✗'} ${check.label}: ${check.detail}`);
const failures = verdict.checks.filter((check) => !check.ok).length;
if (verdict.valid) {
  console.log(`VALID: all ${verdict.checks.length} checks passed.`);
  process.exit(0);
}
if (verdict.demonstration) {
  console.log(`DEMONSTRATION DATA, not evidence: the record holds decisions seeded by the demo that nobody signed (${failures} of ${verdict.checks.length} checks failed).`);
  process.exit(3);
}
console.log(`INVALID: ${failures} of ${verdict.checks.length} checks failed.`);
process.exit(1);
