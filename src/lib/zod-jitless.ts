// The browser bundle's `zod`: the real one with its JIT compiler off. Building an object
// schema makes Zod probe `new Function('')` to see whether it may compile validators;
// under our Content-Security-Policy (no 'unsafe-eval') Chromium reports that probe as a
// `securitypolicyviolation` although Zod catches the refusal and falls back. vite.config.ts
// resolves `zod` to this module, so the setting is made before any schema module runs,
// whatever chunk the bundler puts it in. Validation is the same, only not compiled.
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
