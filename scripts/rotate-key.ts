// `npm run rotate-key`: an administrator replaces the server's signing key
// (docs/decisions/0080). The key file named by KEY_FILE (default <DATA_DIR>/server-keys.json)
// gains a new key, announced by a statement that the current key and the new key sign; the
// retired key's private half is removed from the file, its public half stays published so
// records it signed keep verifying. Run it with the servers stopped, then start them: a
// running server signs with the key it loaded. Exit 0: rotated; 1: refused; 2: usage.
import { keyFilePath, loadConfig } from '#server/config.ts';
import { KeyFileRefused, rotateKeyFile } from '#server/key-file.ts';

if (process.argv.slice(2).some((arg) => arg !== '--')) {
  console.error('Usage: [KEY_FILE=<path> | DATA_DIR=<folder>] npm run rotate-key\n\nReplaces the signing key in the key file; stop the servers first and start them after.');
  process.exit(2);
}

try {
  const { message } = await rotateKeyFile(keyFilePath(loadConfig()), () => new Date());
  console.log(message);
} catch (error) {
  if (!(error instanceof KeyFileRefused)) throw error;
  console.error(`Not rotated: ${error.message}`);
  process.exit(1);
}
