// Serves the app for Playwright with a brand-new, empty data folder, so every e2e run
// starts from the same state and never reads or writes a developer's data/. A spec that
// tampers with the database file gets one of these of its own (e2e/support/isolated-server.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-'));
process.env.DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT ?? '4273';
process.env.HOST = 'localhost';
// Sweep every second, so a spec sees a due re-review announced quickly.
process.env.RE_REVIEW_SWEEP_INTERVAL_MS ??= '1000';

function removeDataDir(): void {
  rmSync(dataDir, { recursive: true, force: true });
}

process.on('exit', removeDataDir);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    // If the server installed its own handler for a graceful shutdown, let it finish;
    // the 'exit' handler still removes the folder. Otherwise exit as the signal would have.
    if (process.listenerCount(signal) > 0) return;
    process.exit(128 + os.constants.signals[signal]);
  });
}

// A real OpenID Provider on another localhost port, and the app
// configured for it (e2e/oidc.spec.ts). Closed when this process ends.
const { e2eSso, startTestProvider } = await import('#tests/support/oidc-provider.ts');
const oidcProvider = await startTestProvider({ redirectUris: [`http://localhost:${process.env.PORT}/api/auth/oidc/callback`], accounts: { [e2eSso.login]: e2eSso.account } });
process.env.OIDC_ISSUER = oidcProvider.issuer;
process.env.OIDC_CLIENT_ID = oidcProvider.clientId;
process.env.OIDC_ROLE_MAP = e2eSso.roleMap;
process.env.OIDC_DISPLAY_NAME = e2eSso.displayName;
console.log(`[e2e-server] OIDC_ISSUER=${oidcProvider.issuer}`);

// A real SAML IdP (SimpleSAMLphp under PHP's built-in server) on another port, and the app
// configured for it (e2e/saml.spec.ts): its metadata and the SP's key pair in the data folder.
const { e2eSaml, makeCertificate, startSimpleSamlIdp } = await import('#tests/support/saml-idp.ts');
const samlSp = makeCertificate(dataDir, 'saml-sp', 'model-approval-e2e');
const samlIdp = await startSimpleSamlIdp({
  users: { [e2eSaml.login]: { password: e2eSaml.password, attributes: { ...e2eSaml.user.attributes } } },
  sp: { entityId: e2eSaml.spEntityId, acsUrl: `http://localhost:${process.env.PORT}/api/auth/saml/acs`, certificate: samlSp.cert, encrypt: true },
});
process.on('exit', () => void samlIdp.close());
writeFileSync(path.join(dataDir, 'saml-idp-metadata.xml'), samlIdp.metadataXml);
process.env.SAML_IDP_METADATA_FILE = path.join(dataDir, 'saml-idp-metadata.xml');
process.env.SAML_SP_ENTITY_ID = e2eSaml.spEntityId;
process.env.SAML_SP_CERT_FILE = samlSp.certPath;
process.env.SAML_SP_KEY_FILE = samlSp.keyPath;
process.env.SAML_ROLES_ATTRIBUTE = 'groups';
process.env.SAML_ROLE_MAP = e2eSaml.roleMap;
process.env.SAML_DISPLAY_NAME = e2eSaml.displayName;
console.log(`[e2e-server] SAML IdP ${samlIdp.entityId}`);

// Model registries (e2e/registries.spec.ts): SageMaker's API on another localhost port, spoken
// by the real SDK client (AWS JSON 1.1; the endpoint does not check signatures), with the
// EventBridge API destination's secret the spec sends.
const { startSageMakerEndpoint } = await import('#tests/support/sagemaker-endpoint.ts');
const { e2eRegistry } = await import('#tests/support/e2e-registry.ts');
const sageMakerEndpoint = await startSageMakerEndpoint({ describeAny: true });
process.on('exit', () => void sageMakerEndpoint.close());
process.env.REGISTRY_SAGEMAKER_REGION = 'eu-west-1';
// A spec that must see the calls made passes its own endpoint (e2e/registry-flow.spec.ts).
process.env.REGISTRY_SAGEMAKER_ENDPOINT = process.env.E2E_SAGEMAKER_ENDPOINT ?? sageMakerEndpoint.url;
process.env.REGISTRY_SAGEMAKER_EVENT_SECRET = e2eRegistry.sageMakerSecret;
process.env.REGISTRY_SAGEMAKER_GROUPS = e2eRegistry.group;
process.env.AWS_ACCESS_KEY_ID ??= 'e2e-access-key';
process.env.AWS_SECRET_ACCESS_KEY ??= 'e2e-secret-key';
console.log(`[e2e-server] SageMaker endpoint ${sageMakerEndpoint.url}`);

console.log(`[e2e-server] DATA_DIR=${dataDir} PORT=${process.env.PORT}`);

// A movable clock, for a spec that lets a re-review date pass (scripts/e2e-clock.ts).
if (process.env.E2E_CLOCK_FILE) await import('./e2e-clock.ts');

// server/main.ts reads its configuration from process.env when imported, so it is
// imported only after the variables above are set (a static import would run first).
await import('#server/main.ts');
