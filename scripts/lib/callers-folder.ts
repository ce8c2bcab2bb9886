// `npm run verify -- record.json` runs the script from the package's root, not from where the
// user typed it, so a relative path would be read from the wrong folder. npm says where it was
// invoked (INIT_CWD); this makes relative paths the user's own. Only when npm ran this very
// script: a test or another script spawning it directly keeps its own working folder.
export function readPathsFromCallersFolder(script: string): void {
  const callersFolder = process.env.INIT_CWD;
  if (callersFolder && process.env.npm_lifecycle_event === script) process.chdir(callersFolder);
}
