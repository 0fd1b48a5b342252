import { describe, expect, inject, it } from 'vitest';
import { authorizeUrl } from '../support/http-login.ts';
import { makePkce } from '../support/pkce.ts';

const stack = inject('stack');

/** Walks the local pool's hosted pages over HTTP like a browser: cookies kept, redirects on the pool followed. */
class PoolVisit {
  private cookies = new Map<string, string>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    let response = await this.step(url, init);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', stack.issuer);
      if (next.origin !== new URL(stack.issuer).origin) return response;
      response = await this.step(next.href);
    }
    return response;
  }

  private async step(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return response;
  }
}

const formAction = (html: string) => (/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#47;/g, '/');

describe('the local user pool’s sign-in and consent pages', () => {
  it('may not be framed by anyone (clickjacking)', async () => {
    const visit = new PoolVisit();
    const options = {
      issuer: stack.issuer,
      clientId: stack.clientId,
      redirectUri: `${stack.consoleUrl}/callback`,
      username: '',
      password: '',
    };
    const login = await visit.get(await authorizeUrl(options, makePkce().challenge, 'frame-test'));
    const loginHtml = await login.text();
    expect(loginHtml).toContain('name="password"');
    expect(login.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(login.headers.get('x-frame-options')).toBe('DENY');

    const consent = await visit.get(new URL(formAction(loginHtml), stack.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'alice', password: 'alice-password' }).toString(),
    });
    expect(await consent.text()).toContain('Allow access');
    expect(consent.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(consent.headers.get('x-frame-options')).toBe('DENY');
  });
});
