// `npm run verify -- record.json --key-file keys.json`: checks an exported approval record
// offline, with the same domain code as the /verify page, and prints every check. Exit 0:
// valid (every check passed, signed by a pinned key); 1: invalid (every reason printed);
// 2: usage error; 3: demonstration data (seeded demo decisions nobody signed: never
// evidence); 4: consistent but unpinned (every check passed, but no key was given to pin the
// signer, so the file proves nothing about who made it: `verify && deploy` must not pass).
import { readFileSync } from 'node:fs';
import { errorMessage } from '#domain/signing/error-message.ts';
import type { KeyPin } from '#domain/evidence/key-pin.ts';
import { webOrigin } from '#domain/evidence/relying-party-check.ts';
import { pinOptions, readPins, type PinOption } from './lib/key-pin-options.ts';
import { recordOutcome, recordOutcomeHeadlines as headline, verifyRecordText, type VerifyRecordOptions } from '#domain/evidence/verify-record.ts';
import { parseWitnessPolicy } from '#domain/audit/witness-policy.ts';
import { auditCheckpointSchema, consistencyProofSchema } from '#domain/contracts/audit.ts';
import { readPathsFromCallersFolder } from './lib/callers-folder.ts';
import { parseJson } from '#domain/json/parse-json.ts';

readPathsFromCallersFolder('verify');

const usage = `Usage: npm run verify -- <record.json> (--key <public key> | --key-file <file> | --fingerprint <hex> | --policy <file>)... [--checkpoint <file>] [--consistency <file>] [--origin <url>] [--log <file>]

Checks an approval record exported by GET /api/packages/{id}/record, without the network:
the server's signature over the record, every content hash, every decision signature and
countersignature, the signed tree head, every audit entry and its inclusion proof.

A record carries its signer's public key, so anyone can make one that passes every check
with a key of their own. Pin the server's key, obtained apart from the record (GET /api/keys
of the deployment you trust, or its fingerprint from whoever runs it); each may be repeated:

  --key <base64url>        A raw Ed25519 public key of the server.
  --key-file <path>        A file holding the JSON of GET /api/keys (every key in it is
                           trusted), or one base64url public key.
  --fingerprint <hex>      The SHA-256 of the server's raw 32-byte public key, 64 hex digits.

  --policy <file>          A trust policy (docs/decisions/0120): "log <vkey>" pins the
                           server key; "witness <name> <vkey>", "group <name> <k|all|any>
                           <members>..." and "quorum <name|none>" say which witnesses must
                           have cosigned the checkpoint; without the quorum: INVALID.
  --checkpoint <file>      The cosigned checkpoint to hold the record to (the note, or the
                           JSON of GET /api/audit/checkpoint); default: the record's own.
  --consistency <file>     When that checkpoint is of a later tree: the JSON of GET
                           /api/audit/proofs/consistency?from=<record size>&to=<its size>.

  --log <file>             The audit log as GET /api/audit/chain?limit=<record's tree size>
                           exports it (NDJSON; committee or administrator): its root must be
                           the record's signed tree head's, and every entry about the package
                           up to that size must be in the record. A record alone cannot show
                           that it carries its package's last entries; the log can. With
                           --policy and a later --checkpoint, the export must reach that
                           checkpoint's size and root, and an entry about the package after
                           the record's tree size fails it (the record is out of date).

  --origin <url>           The deployment's public origin (https://approvals.example.com):
                           the record's relying party must be it, so passkey assertions
                           made for another origin fail.

Exit status: 0 valid (signed by a pinned key), 1 invalid, 2 usage error, 3 demonstration data
(decisions seeded by the demo, which nobody signed: never evidence), 4 consistent but unpinned
(every check passed, but no key was pinned: not evidence of who signed).`;

function usageError(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function pinsOf(option: PinOption, value: string): KeyPin[] {
  const read = readPins(option, value);
  if (!read.ok) usageError(read.message);
  return read.pins;
}

const fileOptions = ['--policy', '--checkpoint', '--consistency', '--log'] as const;
type FileOption = (typeof fileOptions)[number];

function parseArguments(args: readonly string[]): { file: string; pins: KeyPin[]; origin: string | undefined; files: Partial<Record<FileOption, string>> } {
  const files: string[] = [];
  const found: KeyPin[] = [];
  const named: Partial<Record<FileOption, string>> = {};
  let origin: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const option = pinOptions.find((name) => arg === name || arg.startsWith(`${name}=`));
    const fileOption = fileOptions.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (fileOption) {
      const value = arg === fileOption ? args[++index] : arg.slice(fileOption.length + 1);
      if (!value) usageError(`${fileOption} needs a file.`);
      named[fileOption] = value;
    } else if (arg === '--origin' || arg.startsWith('--origin=')) {
      const value = arg === '--origin' ? args[++index] : arg.slice('--origin='.length);
      if (!value) usageError('--origin needs a value.');
      if (!webOrigin(value)) usageError(`--origin ${value}: not a web origin (like https://approvals.example.com).`);
      origin = value;
    } else if (option) {
      const value = arg === option ? args[++index] : arg.slice(option.length + 1);
      if (!value) usageError(`${option} needs a value.`);
      found.push(...pinsOf(option, value));
    } else if (arg.startsWith('-') && arg !== '-') {
      usageError(`Unknown option ${arg}.`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || !files[0]) usageError(files.length === 0 ? 'Give the record file to verify.' : 'Give one record file at a time.');
  if ((named['--checkpoint'] || named['--consistency']) && !named['--policy']) usageError('--checkpoint and --consistency need a --policy saying whose cosignatures count.');
  return { file: files[0], pins: found, origin, files: named };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return usageError(`Cannot read ${path}: ${errorMessage(error)}`);
  }
}

/** The policy and the checkpoint to hold the record to, from --policy, --checkpoint and --consistency. */
async function witnessOptions(named: Partial<Record<FileOption, string>>): Promise<VerifyRecordOptions['witnessPolicy']> {
  const policyFile = named['--policy'];
  if (!policyFile) return undefined;
  const parsed = await parseWitnessPolicy(readText(policyFile));
  if (!parsed.ok) usageError(`--policy ${policyFile}: ${parsed.message}`);
  const checkpointFile = named['--checkpoint'];
  const consistencyFile = named['--consistency'];
  if (!checkpointFile) return { policy: parsed.policy };
  const text = readText(checkpointFile);
  // The JSON of GET /api/audit/checkpoint, or the note itself.
  const checkpoint = text.trimStart().startsWith('{') ? auditCheckpointSchema.parse(parseJson(text)).checkpoint : text;
  const consistency = consistencyFile ? consistencyProofSchema.parse(parseJson(readText(consistencyFile))) : undefined;
  return { policy: parsed.policy, held: { checkpoint, ...(consistency ? { consistency } : {}) } };
}

const { file, pins, origin, files: named } = parseArguments(process.argv.slice(2));
const witnessPolicy = await witnessOptions(named);
let bytes: Uint8Array;
try {
  bytes = file === '-' ? readFileSync(0) : readFileSync(file);
} catch (error) {
  usageError(`Cannot read ${file}: ${errorMessage(error)}`);
}

const logFile = named['--log'];
const auditLog = logFile === undefined ? {} : { auditLog: readText(logFile) };
const verdict = await verifyRecordText(bytes, { trustedKeys: pins, ...(origin === undefined ? {} : { expectedOrigin: origin }), ...(witnessPolicy ? { witnessPolicy } : {}), ...auditLog });
const { record } = verdict;
console.log(`Approval record ${file}`);
if (record) {
  const p = record.package;
  console.log(`  ${p.modelName} (${p.modelKey} ${p.versionLabel}), package ${p.id}: ${p.status.replaceAll('_', ' ')}, ${record.versions.length} version(s), ${record.decisions.length} decision(s), exported ${record.exportedAt}`);
}
for (const check of verdict.checks) console.log(`${check.ok ? '✓' : '✗'} ${check.label}: ${check.detail}`);
const failures = verdict.checks.filter((check) => !check.ok).length;
switch (recordOutcome(verdict)) {
  case 'valid':
    console.log(`${headline.valid}: all ${verdict.checks.length} checks passed, signed by a pinned key.`);
    process.exit(0);
    break;
  case 'demonstration':
    console.log(`${headline.demonstration}: the record holds decisions seeded by the demo that nobody signed (${failures} of ${verdict.checks.length} checks failed).`);
    process.exit(3);
    break;
  case 'unpinned':
    console.log(
      `${headline.unpinned}: all ${verdict.checks.length} checks passed, but against the key the record carries; anyone can sign a record with a key of their own. Pin the server's key with --key, --key-file, --fingerprint or --policy.`,
    );
    process.exit(4);
    break;
  case 'invalid':
    console.log(`${headline.invalid}: ${failures} of ${verdict.checks.length} checks failed.`);
    process.exit(1);
}
