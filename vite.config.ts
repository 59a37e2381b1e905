/**
 * The demo page. `npm run build` writes it to dist/demo, which `npm start`
 * serves with the proxy and the Offer18 simulator. `npm run dev` serves it
 * from source with hot reload and the same proxy and simulator mounted.
 */
import { defineConfig, type Plugin } from 'vite';

function simulatedProxy(): Plugin {
  return {
    name: 'otp-flow-simulated-proxy',
    apply: 'serve',
    async configureServer(server) {
      const { createListener } = await import('./src/adapters/node.js');
      const { createSimulatedApp, CONTROL_PREFIX } = await import('./src/simulator/index.js');
      const app = await createSimulatedApp();
      const listener = createListener(app.fetch);
      server.httpServer?.once('close', () => void app.close());
      server.middlewares.use((req, res, next) => {
        const path = req.url ?? '';
        if (path.startsWith('/otp/') || path.startsWith(`${CONTROL_PREFIX}/`)) void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig({
  root: 'demo',
  base: './',
  plugins: [simulatedProxy()],
  server: { host: '127.0.0.1', port: 5173 },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2021' },
});
