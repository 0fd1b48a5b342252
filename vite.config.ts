/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { agentProxy, buildSourcemap, isAbsoluteUrl, pickPublicConfig, SECRET_WARNING } from './dev/console-env.ts';
import { contentSecurityPolicy } from './dev/csp-plugin.ts';
import { DEFAULT_CONSOLE_PORT } from './dev/defaults.ts';
import { minifyPublicScripts } from './dev/minify-public-scripts.ts';

const HOST = '127.0.0.1';

export default defineConfig(({ command, mode, isPreview }) => {
  // Empty prefix: the seed's .env keys (OAUTH2_*, AGENT_*) are read as they are, then filtered to public ones.
  // CONSOLE_ENV_DIR lets the tests build without picking up a developer's own .env.
  const env = loadEnv(mode, process.env.CONSOLE_ENV_DIR || process.cwd(), '');
  const stage = isPreview ? 'preview' : command === 'serve' ? 'serve' : 'build';
  const agent = agentProxy(env, stage);
  const publicConfig = { ...pickPublicConfig(env), ...(agent.endpoint ? { AGENT_ENDPOINT: agent.endpoint } : {}) };
  if (env.OAUTH2_CLIENT_SECRET && mode !== 'test') console.warn(`\n⚠  ${SECRET_WARNING}\n`);
  if (stage !== 'build' && agent.endpoint && !isAbsoluteUrl(agent.endpoint) && Object.keys(agent.proxy).length === 0) {
    console.warn(
      `\n⚠  AGENT_ENDPOINT is the relative path ${agent.endpoint}; set AGENT_PROXY_TARGET to the agent's URL so this server forwards it.\n`,
    );
  }
  const port = Number(env.CONSOLE_PORT) || DEFAULT_CONSOLE_PORT;

  return {
    plugins: [react(), contentSecurityPolicy(publicConfig), minifyPublicScripts(['config-read.js'])],
    define: { __BUILD_CONFIG__: JSON.stringify(publicConfig) },
    server: { host: HOST, port, strictPort: true, proxy: agent.proxy },
    preview: { host: HOST, port, strictPort: true, proxy: agent.proxy },
    build: {
      target: 'es2022',
      sourcemap: buildSourcemap(env.BUILD_SOURCEMAP),
      // Every browser that runs es2022 but Safari before 17 supports modulepreload; there the hint is ignored and the
      // chunks load when imported. The polyfill would cost the first page 0.3 KB gzipped for no gain elsewhere.
      modulePreload: { polyfill: false },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            include: ['tests/unit/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/unit/setup.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 180_000,
            fileParallelism: false,
            // A real browser against real servers on 2 shared cores: a silent restore alone may take 4 s.
            expect: { poll: { timeout: 15_000, interval: 100 } },
          },
        },
      ],
      reporters: ['default', './tests/summary-reporter.ts'],
    },
  };
});
