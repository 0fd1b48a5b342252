import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.tsx';
import { type LoadedConfig, loadConfig } from '../../src/config/load-config.ts';
import type { ConfigProblem } from '../../src/config/schema.ts';

/** The setup screen is a chunk of its own (import()): a loaded machine may take seconds to transform it the first time. */
const LAZY = { timeout: 15_000 };

describe('App start-up', { timeout: 30_000 }, () => {
  it('shows the setup screen with every problem and the way to fix it, never a blank page', async () => {
    const problems: ConfigProblem[] = [
      { key: 'OAUTH2_ISSUER_URI', message: 'config.missing', params: { key: 'OAUTH2_ISSUER_URI' }, hint: 'hint.OAUTH2_ISSUER_URI' },
      {
        key: 'OAUTH2_REDIRECT_URI',
        message: 'config.redirectOrigin',
        params: { key: 'OAUTH2_REDIRECT_URI', value: 'http://127.0.0.1:8082/callback', origin: 'http://localhost:8082' },
      },
    ];
    const load: Promise<LoadedConfig> = Promise.resolve({ result: { ok: false, problems }, warnings: [] });
    await act(async () => {
      render(<App load={load} />);
    });
    expect(await screen.findByRole('heading', { name: 'Set up Agent Console' }, LAZY)).toBeTruthy();
    expect(screen.getByText(/OAUTH2_ISSUER_URI is missing/).textContent).toContain('userpool-<id>');
    expect(screen.getByRole('link', { name: 'Open the console at http://127.0.0.1:8082' })).toBeTruthy();
  });

  it('shows the setup screen with the reason when config.json never answers, instead of loading forever', async () => {
    const load = loadConfig({
      buildConfig: {},
      configUrl: '/config.json',
      origin: 'http://127.0.0.1:8082',
      fetchImpl: () => new Promise<Response>(() => {}),
      deadlineMs: 20,
    });
    await act(async () => {
      render(<App load={load} />);
    });
    expect(await screen.findByRole('heading', { name: 'Set up Agent Console' }, LAZY)).toBeTruthy();
    expect(screen.getByText(/config\.json did not answer within 0\.02 s/)).toBeTruthy();
  });
});
