import { readFileSync } from 'node:fs';
import { errorMessage } from '#domain/signing/error-message.ts';
import { parseKeyPins, type KeyPin } from '#domain/evidence/key-pin.ts';

// The key-pinning options of `npm run verify` and `npm run gate`: --key, --key-file, --fingerprint.

export const pinOptions = ['--key', '--key-file', '--fingerprint'] as const;
export type PinOption = (typeof pinOptions)[number];

/** The pins an option names, or why it names none. */
export function readPins(option: PinOption, value: string): { ok: true; pins: KeyPin[] } | { ok: false; message: string } {
  let text = value;
  if (option === '--key-file') {
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      return { ok: false, message: `--key-file ${value}: cannot read it: ${errorMessage(error)}` };
    }
  }
  const parsed = parseKeyPins(text);
  if (!parsed.ok) return { ok: false, message: `${option} ${value}: ${parsed.message}` };
  if (parsed.pins.length === 0) return { ok: false, message: `${option} ${value}: it holds no key.` };
  const wanted = option === '--fingerprint' ? 'a fingerprint' : option === '--key' ? 'a public key' : null;
  if (wanted && parsed.pins.some((pin) => ('fingerprint' in pin) !== (option === '--fingerprint'))) return { ok: false, message: `${option} ${value}: expected ${wanted}.` };
  return { ok: true, pins: parsed.pins };
}
