import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const apiPort = process.env['API_PORT'] ?? '3001';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Zod without its eval probe, which the strict CSP reports (see src/lib/zod-jitless.ts).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod-jitless.ts', import.meta.url)) }] },
  build: { outDir: 'dist', sourcemap: true, target: 'es2023' },
  server: {
    host: 'localhost',
    proxy: { '/api': { target: `http://localhost:${apiPort}`, changeOrigin: false } },
  },
});
