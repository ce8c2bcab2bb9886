import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { authenticatorFlags, createSoftwarePasskey, type AssertionOptions, type SoftwarePasskey } from '#tests/support/software-authenticator.ts';
import { verifyPasskeyAssertion, type PasskeyAssertionInput } from './verify-passkey.ts';

const origin = 'https://approvals.example.com';
const rpId = 'approvals.example.com';
const challenge = crypto.getRandomValues(new Uint8Array(32));

let passkey: SoftwarePasskey;
let otherPasskey: SoftwarePasskey;

beforeAll(async () => {
  passkey = await createSoftwarePasskey();
  otherPasskey = await createSoftwarePasskey();
});

async function assertion(options: Partial<AssertionOptions> = {}): Promise<PasskeyAssertionInput> {
  const signed = await passkey.sign({ challenge, origin, rpId, ...options });
  return { publicKeyJwk: passkey.publicKeyJwk, ...signed, expectedChallenge: challenge, expectedOrigin: origin, expectedRpId: rpId };
}

function failure(reason: string) {
  return { ok: false, reason };
}

describe('verifyPasskeyAssertion', () => {
  it('accepts a valid assertion', async () => {
    expect(await verifyPasskeyAssertion(await assertion())).toEqual({ ok: true });
  });

  it('skips the origin and relying-party checks when asked to (offline verifiers)', async () => {
    const input = await assertion({ origin: 'https://elsewhere.example', rpId: 'elsewhere.example' });
    expect(await verifyPasskeyAssertion({ ...input, expectedOrigin: null, expectedRpId: null })).toEqual({ ok: true });
  });

  it('refuses an assertion over another challenge', async () => {
    const input = await assertion();
    const otherChallenge = new Uint8Array(challenge);
    otherChallenge[0] = (otherChallenge[0] ?? 0) ^ 1;
    expect(await verifyPasskeyAssertion({ ...input, expectedChallenge: otherChallenge })).toEqual(
      failure('the passkey signed a different challenge, so it was not made for this decision.'),
    );
  });

  it('refuses an assertion made on another origin', async () => {
    expect(await verifyPasskeyAssertion(await assertion({ origin: 'https://phish.example' }))).toEqual(
      failure('the passkey was used on "https://phish.example", not on "https://approvals.example.com".'),
    );
  });

  it('refuses an assertion for another relying party', async () => {
    expect(await verifyPasskeyAssertion(await assertion({ rpId: 'phish.example' }))).toEqual(
      failure('the passkey belongs to another site (its relying party is not "approvals.example.com").'),
    );
  });

  it('refuses an assertion without user verification', async () => {
    expect(await verifyPasskeyAssertion(await assertion({ flags: authenticatorFlags.userPresent }))).toEqual(failure('user verification was not performed.'));
  });

  it('refuses an assertion without user presence', async () => {
    expect(await verifyPasskeyAssertion(await assertion({ flags: authenticatorFlags.userVerified }))).toEqual(
      failure('the authenticator did not confirm that the user was present.'),
    );
  });

  it('refuses a registration (webauthn.create) in place of an assertion', async () => {
    expect(await verifyPasskeyAssertion(await assertion({ type: 'webauthn.create' }))).toEqual(
      failure('the client data is of type "webauthn.create", not "webauthn.get" (a passkey sign-in).'),
    );
  });

  it('refuses a signature with one byte flipped', async () => {
    const input = await assertion();
    const signature = fromBase64Url(input.signature);
    // The last byte belongs to s, so the DER stays well formed and only the value changes.
    signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01;
    expect(await verifyPasskeyAssertion({ ...input, signature: toBase64Url(signature) })).toEqual(
      failure("the signature does not match the passkey's public key."),
    );
  });

  it('refuses authenticator data changed after signing', async () => {
    const input = await assertion({ counter: 7 });
    const authenticatorData = fromBase64Url(input.authenticatorData);
    authenticatorData[36] = 8;
    expect(await verifyPasskeyAssertion({ ...input, authenticatorData: toBase64Url(authenticatorData) })).toEqual(
      failure("the signature does not match the passkey's public key."),
    );
  });

  it('refuses a signature checked against another key', async () => {
    const input = await assertion();
    expect(await verifyPasskeyAssertion({ ...input, publicKeyJwk: otherPasskey.publicKeyJwk })).toEqual(
      failure("the signature does not match the passkey's public key."),
    );
  });

  it('refuses a public key that is not on the curve', async () => {
    const input = await assertion();
    const badKey = { ...input.publicKeyJwk, y: input.publicKeyJwk.x };
    expect(await verifyPasskeyAssertion({ ...input, publicKeyJwk: badKey })).toEqual(failure('the stored passkey public key is not a valid P-256 key.'));
  });

  it('refuses malformed DER', async () => {
    const input = await assertion();
    expect(await verifyPasskeyAssertion({ ...input, signature: toBase64Url(new Uint8Array([0x30, 0x01])) })).toEqual(
      failure('the signature is malformed (Malformed ECDSA signature (DER): the SEQUENCE says 1 bytes but 0 follow).'),
    );
  });

  it('refuses a raw r‖s signature where DER is expected', async () => {
    const input = await assertion();
    const raw = crypto.getRandomValues(new Uint8Array(64));
    raw[0] = 0x12; // not 0x30, so it cannot pass for a SEQUENCE
    expect(await verifyPasskeyAssertion({ ...input, signature: toBase64Url(raw) })).toEqual(
      failure('the signature is malformed (Malformed ECDSA signature (DER): it does not start with a SEQUENCE).'),
    );
  });

  it('refuses values that are not base64url', async () => {
    const input = await assertion();
    expect(await verifyPasskeyAssertion({ ...input, signature: `${input.signature.slice(0, -1)}+` })).toEqual(failure('the signature is not valid base64url.'));
    expect(await verifyPasskeyAssertion({ ...input, authenticatorData: `${input.authenticatorData}=` })).toEqual(
      failure('the authenticator data is not valid base64url.'),
    );
    expect(await verifyPasskeyAssertion({ ...input, clientDataJSON: 'e30/' })).toEqual(failure('the client data is not valid base64url.'));
  });

  it('refuses client data that is not a JSON object', async () => {
    const input = await assertion();
    const notJson = toBase64Url(new TextEncoder().encode('["webauthn.get"]'));
    expect(await verifyPasskeyAssertion({ ...input, clientDataJSON: notJson })).toEqual(failure('the client data is not a JSON object.'));
    expect(await verifyPasskeyAssertion({ ...input, clientDataJSON: toBase64Url(new Uint8Array([0x7b, 0xff, 0x7d])) })).toEqual(
      failure('the client data is not a JSON object.'),
    );
  });

  it('refuses authenticator data shorter than 37 bytes', async () => {
    const input = await assertion();
    const short = fromBase64Url(input.authenticatorData).subarray(0, 36);
    expect(await verifyPasskeyAssertion({ ...input, authenticatorData: toBase64Url(short) })).toEqual(
      failure('the authenticator data has 36 bytes, fewer than the 37 it must have.'),
    );
  });

  it('quotes an untrusted origin briefly', async () => {
    const long = `https://${'a'.repeat(200)}.example`;
    const result = await verifyPasskeyAssertion(await assertion({ origin: long }));
    expect(result).toEqual(failure(`the passkey was used on "${long.slice(0, 100)}…", not on "https://approvals.example.com".`));
  });
});
