// Given to Node with `--import` before the server's first module (server/node-flags.ts), and in
// JavaScript because it has to run before Node strips the types of any TypeScript file: with
// Node's compile cache on, a start whose sources have not changed since an earlier start takes
// each module's stripped text from the cache and never loads the stripper (amaro, a WebAssembly
// build of swc, about 17 MB resident for the life of the process: decision record 0233).
// The cache holds code, not data: Node checks each entry against the source file's content and
// strips and compiles again when it changed. It lives beside the installed packages
// (node_modules/.cache), as trusted as they are; where that folder cannot be written, Node turns
// the cache off and the server starts as it did without it.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));
