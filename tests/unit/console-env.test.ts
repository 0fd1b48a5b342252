import { describe, expect, it } from 'vitest';
import { agentProxy, buildSourcemap, pickPublicConfig } from '../../dev/console-env.ts';

describe('build-time configuration', () => {
  it('keeps only the public keys: a client secret never reaches the bundle', () => {
    const picked = pickPublicConfig({
      OAUTH2_ISSUER_URI: 'https://pool',
      OAUTH2_CLIENT_ID: 'c',
      OAUTH2_CLIENT_SECRET: 'secret',
      AGENT_ENDPOINT: ' https://agent ',
      HOME: '/root',
    });
    expect(picked).toEqual({ OAUTH2_ISSUER_URI: 'https://pool', OAUTH2_CLIENT_ID: 'c', AGENT_ENDPOINT: 'https://agent' });
  });
});

describe('agent proxy', () => {
  it('always sends the dev server through /agent, keeping the target path prefix', () => {
    const { endpoint, proxy } = agentProxy({ AGENT_ENDPOINT: 'https://gw.example.com/runtime/' }, 'serve');
    expect(endpoint).toBe('/agent');
    expect(proxy['/agent'].target).toBe('https://gw.example.com');
    expect(proxy['/agent'].rewrite('/agent/invoke')).toBe('/runtime/invoke');
  });

  it('leaves an absolute endpoint alone in a build, and forwards a relative one in preview when a target is set', () => {
    expect(agentProxy({ AGENT_ENDPOINT: 'https://gw.example.com' }, 'build')).toEqual({ endpoint: 'https://gw.example.com', proxy: {} });
    const preview = agentProxy({ AGENT_ENDPOINT: '/api/agent', AGENT_PROXY_TARGET: 'http://127.0.0.1:8000' }, 'preview');
    expect(preview.endpoint).toBe('/api/agent');
    expect(preview.proxy['/api/agent'].rewrite('/api/agent/invoke')).toBe('/invoke');
  });
});

describe('source maps', () => {
  it('are off unless BUILD_SOURCEMAP asks for them', () => {
    expect(buildSourcemap(undefined)).toBe(false);
    expect(buildSourcemap('')).toBe(false);
    expect(buildSourcemap('true')).toBe(true);
    expect(buildSourcemap(' Hidden ')).toBe('hidden');
  });
});

describe('the agent path of npm run dev and vite preview', () => {
  it('sandboxes every answer from the agent, marks it nosniff and drops its cookies', () => {
    const { proxy } = agentProxy({ AGENT_ENDPOINT: '/agent', AGENT_PROXY_TARGET: 'http://127.0.0.1:8000' }, 'preview');
    const listeners: Array<(answer: { headers: Record<string, string | string[] | undefined> }) => void> = [];
    proxy['/agent'].configure({ on: (_event, listener) => listeners.push(listener) });
    const answer = {
      headers: { 'content-type': 'text/html', 'set-cookie': ['session=1'] } as Record<string, string | string[] | undefined>,
    };
    for (const listener of listeners) listener(answer);
    expect(answer.headers).toEqual({
      'content-type': 'text/html',
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
  });
});
