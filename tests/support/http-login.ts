import { makePkce } from './pkce.ts';

/**
 * Signs a demo user in over plain HTTP (no browser): authorize, hosted login form, consent, code, token.
 * For tests that need a real token of the local pool quickly; the browser path has its own tests.
 */
export interface HttpLoginOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  scope?: string;
}

export interface TokenSet {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function step(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.take(response);
  return response;
}

/** Follows redirects on the pool until one leaves it (the callback) or a page is shown. */
async function follow(jar: CookieJar, issuer: string, response: Response): Promise<Response | URL> {
  let current = response;
  while (current.status >= 300 && current.status < 400) {
    const location = new URL(current.headers.get('location') ?? '', issuer);
    if (location.origin !== new URL(issuer).origin) return location;
    current = await step(jar, location.href);
  }
  return current;
}

export async function authorizeUrl(options: HttpLoginOptions, challenge: string, state: string) {
  const url = new URL('/authorize', options.issuer);
  url.search = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile email',
    state,
    nonce: `n-${state}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

export async function loginForCode(options: HttpLoginOptions) {
  const jar = new CookieJar();
  const pkce = makePkce();
  const state = `s${Date.now()}`;
  let page = await follow(jar, options.issuer, await step(jar, await authorizeUrl(options, pkce.challenge, state)));
  for (let guard = 0; guard < 4 && !(page instanceof URL); guard++) {
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the pool's page (status ${page.status})`);
    const body = html.includes('name="password"')
      ? new URLSearchParams({ username: options.username, password: options.password }).toString()
      : '';
    const posted = await step(jar, new URL(action.replace(/&#47;/g, '/'), options.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (posted.status === 401) throw new Error('the pool refused the password');
    page = await follow(jar, options.issuer, posted);
  }
  if (!(page instanceof URL)) throw new Error('sign-in did not come back to the redirect URI');
  const code = page.searchParams.get('code');
  if (!code || page.searchParams.get('state') !== state) throw new Error(`callback without code: ${page.href}`);
  return { code, verifier: pkce.verifier };
}

export async function exchangeCode(options: HttpLoginOptions, code: string, verifier?: string) {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    code,
    ...(verifier ? { code_verifier: verifier } : {}),
  });
  return fetch(new URL('/oauth/token', options.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

export async function loginOverHttp(options: HttpLoginOptions): Promise<TokenSet> {
  const { code, verifier } = await loginForCode(options);
  const response = await exchangeCode(options, code, verifier);
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenSet;
}
