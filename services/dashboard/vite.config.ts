import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev -w @hook0/dashboard` serves the dashboard with hot reload and forwards /api to the API on its default port. */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['hook0-source'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/api': 'http://127.0.0.1:8081' } },
});
