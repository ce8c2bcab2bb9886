// `npm run gate -- --model KEY --version LABEL --record record.json --key-file keys.json
// [--scope channel=card_not_present]... [--at YYYY-MM-DD]`: the deployment gate. Exit 0 only if
// the approval record verifies with a pinned server key (the same checks as `npm run verify`),
// is for that model version, is approved, has not lapsed (a re-review date of its conditions
// passed) and the scope asked for is within its conditions; otherwise exit 1 with one line
// saying why (2: usage). It trusts no registry tag. The record is the export of
// GET /api/packages/{id}/record, the URL the registry's approval_record_url tag names.
import { readFileSync } from 'node:fs';
import { errorMessage } from '#domain/signing/error-message.ts';
import type { KeyPin } from '#domain/evidence/key-pin.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import { judgeDeployment } from '#domain/evidence/deployment-gate.ts';
import { pinOptions, readPins } from './lib/key-pin-options.ts';
import { readPathsFromCallersFolder } from './lib/callers-folder.ts';

readPathsFromCallersFolder('gate');

const usage = `Usage: npm run gate -- --model <key> --version <label> --record <record.json | -> (--key <public key> | --key-file <file> | --fingerprint <hex>)... [--scope <name>=<value>]... [--at <YYYY-MM-DD>]

Exit 0: the record verifies with a pinned key, is for this model version, is approved, has not
lapsed, and every --scope value is within its conditions' scope. Exit 1: not so, with one line
saying why. Exit 2: usage error.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

interface Arguments {
  model: string;
  version: string;
  record: string;
  pins: KeyPin[];
  scope: { key: string; value: string }[];
  today: string;
}

function parseArguments(args: readonly string[]): Arguments {
  const found: Partial<Record<'model' | 'version' | 'record' | 'at', string>> = {};
  const pins: KeyPin[] = [];
  const scope: { key: string; value: string }[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const [name, inline] = arg.includes('=') && arg.startsWith('--') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? args[++index];
    if (!value) usageError(`${name} needs a value.`);
    const pinOption = pinOptions.find((option) => option === name);
    if (pinOption) {
      const read = readPins(pinOption, value);
      if (!read.ok) usageError(read.message);
      pins.push(...read.pins);
    } else if (name === '--scope') {
      const match = /^([^=]+)=(.+)$/.exec(value);
      if (!match?.[1] || !match[2]) usageError(`--scope ${value}: give it as name=value, e.g. channel=card_not_present.`);
      scope.push({ key: match[1], value: match[2] });
    } else if (name === '--model' || name === '--version' || name === '--record' || name === '--at') {
      found[name.slice(2) as 'model' | 'version' | 'record' | 'at'] = value;
    } else {
      usageError(`Unknown option ${name}.`);
    }
  }
  if (!found.model || !found.version || !found.record) usageError('Give --model, --version and --record.');
  if (pins.length === 0) usageError('Pin the server key with --key, --key-file or --fingerprint: a record verified against the key it carries proves nothing.');
  const today = found.at ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usageError(`--at ${today}: give a date as YYYY-MM-DD.`);
  return { model: found.model, version: found.version, record: found.record, pins, scope, today };
}

const args = parseArguments(process.argv.slice(2));
let bytes: Uint8Array;
try {
  bytes = args.record === '-' ? readFileSync(0) : readFileSync(args.record);
} catch (error) {
  usageError(`Cannot read ${args.record}: ${errorMessage(error)}`);
}
const verdict = await verifyRecordText(bytes, { trustedKeys: args.pins });
const failed = verdict.checks.find((check) => !check.ok);
const judged = judgeDeployment(recordOutcome(verdict), verdict, failed ? `${failed.label}: ${failed.detail}` : null, { modelKey: args.model, versionLabel: args.version, scope: args.scope, today: args.today });
console.log(judged.line);
process.exit(judged.pass ? 0 : 1);
