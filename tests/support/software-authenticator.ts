// A passkey authenticator imitated in software, with WebCrypto: it produces the same bytes a
// real one would (authenticator data, client data JSON, DER signature). For tests and mocks,
// where no person and no hardware can take part; never for real signatures.
import { toBase64Url } from '#domain/signing/base64url.ts';
import { concatBytes } from '#domain/crypto/bytes.ts';
import type { P256PublicKeyJwk } from '#domain/signing/cose-key.ts';
import { rawToDerEcdsaSignature } from '#domain/signing/ecdsa-der.ts';
import { sha256Bytes, subtleCrypto } from '#domain/crypto/sha256.ts';

export const authenticatorFlags = { userPresent: 0x01, userVerified: 0x04 } as const;

export type AssertionOptions = {
  challenge: Uint8Array;
  origin: string;
  rpId: string;
  /** Defaults to user present and verified. */
  flags?: number;
  counter?: number;
  /** Defaults to "webauthn.get". */
  type?: string;
};

/** base64url, as the browser hands them over. */
export type SoftwareAssertion = { authenticatorData: string; clientDataJSON: string; signature: string };

export type SoftwarePasskey = {
  publicKeyJwk: P256PublicKeyJwk;
  sign(options: AssertionOptions): Promise<SoftwareAssertion>;
};

export async function createSoftwarePasskey(): Promise<SoftwarePasskey> {
  const pair = await subtleCrypto().generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const { x, y } = await subtleCrypto().exportKey('jwk', pair.publicKey);
  if (x === undefined || y === undefined) throw new Error('WebCrypto exported an EC public key without coordinates');
  // Like a real authenticator, each assertion carries a larger signature counter than the last.
  let counter = 0;
  return {
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
    sign: (options) => signAssertion(pair.privateKey, { ...options, counter: options.counter ?? (counter += 1) }),
  };
}

async function signAssertion(privateKey: CryptoKey, options: AssertionOptions): Promise<SoftwareAssertion> {
  const flags = options.flags ?? authenticatorFlags.userPresent | authenticatorFlags.userVerified;
  const counter = new Uint8Array(4);
  new DataView(counter.buffer).setUint32(0, options.counter ?? 1);
  const rpIdHash = await sha256Bytes(new TextEncoder().encode(options.rpId));
  const authenticatorData = concatBytes(rpIdHash, new Uint8Array([flags]), counter);
  const clientData = { type: options.type ?? 'webauthn.get', challenge: toBase64Url(options.challenge), origin: options.origin, crossOrigin: false };
  const clientDataJSON = new TextEncoder().encode(JSON.stringify(clientData));
  const signed = concatBytes(authenticatorData, await sha256Bytes(clientDataJSON));
  // WebCrypto signs in r‖s; authenticators send DER.
  const raw = new Uint8Array(await subtleCrypto().sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, signed));
  return {
    authenticatorData: toBase64Url(authenticatorData),
    clientDataJSON: toBase64Url(clientDataJSON),
    signature: toBase64Url(rawToDerEcdsaSignature(raw)),
  };
}
