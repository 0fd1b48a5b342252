import { describe, expect, inject, it } from 'vitest';

const stack = inject('stack');

describe('the agent path of vite preview (and npm run dev)', () => {
  it('answers as sandboxed data, like the nginx block: an agent page never runs as the console', async () => {
    const response = await fetch(`${stack.consoleUrl}/agent/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"prompt":"hi"}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
