// `npm run witness -- --log-origin <origin> --log-key <base64url> --state <file> --key <file> [--port N] [--name N]`:
// a C2SP tlog-witness (docs/decisions/0105) for one log, to be run by someone other than the
// log's operator. It answers POST /add-checkpoint as the spec says: it keeps the size and root
// of the last checkpoint it cosigned in its own state file and cosigns a new one only with a
// consistency proof from that size (409 with its size when the request starts elsewhere, 422
// when the proof fails). Its Ed25519 key is generated into the key file (0600) on first start.
// Prints `witness <verifier key> listening on http://127.0.0.1:<port>` when ready.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import { witnessAddCheckpoint, witnessVerifierKey, type WitnessState } from '#domain/audit/witness.ts';
import { parseJson } from '#domain/json/parse-json.ts';

const usage = 'Usage: npm run witness -- --log-origin <origin> --log-key <base64url Ed25519 key> --state <file> --key <file> [--port <n>] [--name <witness name>]';

function options(args: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') continue;
    const value = args[i + 1];
    if (!arg.startsWith('--') || value === undefined) {
      console.error(usage);
      process.exit(2);
    }
    found[arg.slice(2)] = value;
    i++;
  }
  for (const needed of ['log-origin', 'log-key', 'state', 'key']) {
    if (!found[needed]) {
      console.error(`--${needed} is needed.\n${usage}`);
      process.exit(2);
    }
  }
  return found;
}

const opts = options(process.argv.slice(2));
const [origin, logKey, stateFile, keyFile] = [opts['log-origin'] ?? '', opts['log-key'] ?? '', opts.state ?? '', opts.key ?? ''];
const name = opts.name ?? 'witness.example';

if (!existsSync(keyFile)) {
  const generated = await generateServerKey();
  writeFileSync(keyFile, JSON.stringify({ publicKey: generated.publicKey, privateKeyPkcs8: generated.privateKeyPkcs8 }), { mode: 0o600 });
}
const stored = parseJson(readFileSync(keyFile, 'utf8')) as { publicKey: string; privateKeyPkcs8: string };
const witness = { name, publicKey: stored.publicKey, privateKey: await importServerPrivateKey(stored.privateKeyPkcs8) };

const readState = (): WitnessState | null => (existsSync(stateFile) ? (parseJson(readFileSync(stateFile, 'utf8')) as WitnessState) : null);
// Written to a new file, flushed to disk, then renamed: a crash or power loss leaves the old
// state or the new one, never half, and a cosignature is never sent for a state that could
// still be lost (a witness that forgets its size could later cosign a fork).
const writeState = (state: WitnessState) => {
  const fd = openSync(`${stateFile}.new`, 'w', 0o600);
  try {
    writeFileSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${stateFile}.new`, stateFile);
};

// A checkpoint note plus a consistency proof of at most 64 hashes fits well inside this; a
// larger body is refused before it is buffered, so a caller cannot exhaust the witness's memory.
const maxBodyBytes = 64 * 1024;

// One request at a time: two checkpoints racing on one state could both be cosigned.
let queue = Promise.resolve();
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBodyBytes) {
      response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('request body too large\n');
      request.destroy();
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (received > maxBodyBytes) return;
    queue = queue.then(async () => {
      if (request.method !== 'POST' || request.url !== '/add-checkpoint') {
        response.writeHead(404).end();
        return;
      }
      const answer = await witnessAddCheckpoint({ body: Buffer.concat(chunks).toString('utf8'), state: readState(), log: { origin, publicKey: logKey }, witness, now: Date.now });
      if (answer.status === 200) {
        writeState(answer.state);
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`${answer.cosignature}\n`);
      } else if (answer.status === 409) {
        response.writeHead(409, { 'content-type': 'text/x.tlog.size' }).end(`${answer.treeSize}\n`);
      } else {
        response.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${answer.message}\n`);
      }
    }).catch((error: unknown) => {
      // One failed request (a full disk, say) answers 500; the queue stays usable for the next.
      console.error('witness: request failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error\n');
    });
  });
});
server.listen(Number(opts.port ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  void witnessVerifierKey(name, witness.publicKey).then((vkey) => console.log(`witness ${vkey} listening on http://127.0.0.1:${port}`));
});
