import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer only. Relative base so the same build loads from file:// in Electron and from the
// loopback HTTP transport in the browser.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
