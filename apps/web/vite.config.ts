import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to static files (apps/web/dist) that every API node serves; hashed names under
// assets/ are what lets the API cache them for a year (apps/api/src/http/web-app/).
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets' },
  server: {
    // `npm run dev -w apps/web` proxies the API of a server started with `npm start`.
    proxy: {
      '/socket.io': { target: 'http://localhost:3001', ws: true },
      '/api': 'http://localhost:3001',
      '/metrics': 'http://localhost:3001',
    },
  },
});
