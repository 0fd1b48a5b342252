import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';
import { LOCAL_CLIENT_ID, LOCAL_PARTNER_CLIENT_ID, TEN_HOURS_IN_SECONDS } from '../defaults.ts';
import { listen } from '../listen.ts';
import { pageLanguage } from '../page-language.ts';
import { checkPassword, findUser, userClaims } from './accounts.ts';
import { IDENTITY_PATH_DISCOVERY } from './address-forms.ts';
import { actClaimFor, LOCAL_DELEGATE_CLIENT_ID } from './delegation.ts';
import { noFaults, type PoolFaults, routeName, untilClosed } from './faults.ts';
import { readForm } from './http-helpers.ts';
import { consentPage, loginPage, logoutPage, messagePage, PAGE_HEADERS, pageText } from './pages.ts';
import { handleRevocation } from './revocation.ts';
import { handleUserinfo } from './userinfo.ts';

/** The resource every access token is minted for; the agent is that resource server. */
export const AGENT_RESOURCE = 'urn:agentkit:runtime';
const ALL_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

export interface UserPoolOptions {
  host?: string;
  port: number;
  /** Origins of the console: redirect URIs, logout URIs and CORS are registered for each. */
  consoleOrigins: string[];
  /** Origins allowed by CORS, when narrower than consoleOrigins (tests use it to provoke a CORS refusal). */
  corsOrigins?: string[];
  accessTokenTtl?: number;
  /** Off: the pool never issues refresh tokens, so clients must renew through prompt=none. */
  issueRefreshTokens?: boolean;
  /** A private JWK to sign with; tests pass one so they can mint tokens "of the pool". */
  signingKey?: JWK;
  /** Misbehaviour on purpose (see faults.ts); the same object is returned, so tests can change it while running. */
  faults?: PoolFaults;
}

export interface RunningUserPool {
  issuer: string;
  faults: PoolFaults;
  /** Starts or stops issuing refresh tokens (as a pool's settings change while clients stay signed in). */
  setIssueRefreshTokens(on: boolean): void;
  close(): Promise<void>;
}

async function makeSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `local-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

function clientFor(clientId: string, clientName: string, origins: string[]): ClientMetadata {
  return {
    client_id: clientId,
    client_name: clientName,
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: origins.flatMap((origin) => [`${origin}/callback`, `${origin}/silent-callback.html`]),
    post_logout_redirect_uris: origins.flatMap((origin) => [origin, `${origin}/`]),
    scope: ALL_SCOPES.join(' '),
  };
}

export async function createUserPool(options: UserPoolOptions): Promise<RunningUserPool> {
  const host = options.host ?? '127.0.0.1';
  const issuer = `http://${host}:${options.port}`;
  const ttl = options.accessTokenTtl ?? TEN_HOURS_IN_SECONDS;
  let issueRefreshTokens = options.issueRefreshTokens ?? true;
  const allowedOrigins = new Set(options.corsOrigins ?? options.consoleOrigins);
  const signingKey = options.signingKey ?? (await makeSigningKey());

  const configuration: Configuration = {
    clients: [
      clientFor(LOCAL_CLIENT_ID, 'Agent Console', options.consoleOrigins),
      clientFor(LOCAL_PARTNER_CLIENT_ID, 'Partner App', options.consoleOrigins),
      clientFor(LOCAL_DELEGATE_CLIENT_ID, 'Delegating Agent', options.consoleOrigins),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: {
      authorization: '/authorize',
      token: '/oauth/token',
      jwks: '/keys',
      userinfo: '/userinfo',
      revocation: '/oauth/revoke',
      end_session: '/logout',
    },
    scopes: ALL_SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // The real pool puts profile claims in the ID token of the code flow; oidc-provider would hold them back.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = findUser(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => userClaims(user) };
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(languageOf(ctx), form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          const language = languageOf(ctx);
          ctx.body = messagePage(language, pageText(language).signedOut, pageText(language).signedOutText);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => AGENT_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (resource !== AGENT_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return {
            scope: ALL_SCOPES.join(' '),
            audience: client.clientId,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // Shape the access token like the Volcano Engine pool's: aud is an array and nbf is present.
        jwt: async (_ctx, _token, jwt) => {
          const payload = jwt.payload as Record<string, unknown>;
          payload.aud = [payload.client_id];
          payload.nbf = payload.iat;
          const act = actClaimFor(payload.client_id);
          if (act) payload.act = act;
        },
      },
    },
    issueRefreshToken: async (_ctx, client) => issueRefreshTokens && client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      RefreshToken: 14 * 24 * 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      Interaction: 3600,
      AuthorizationCode: 60,
    },
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      const language = languageOf(ctx);
      ctx.body = messagePage(language, pageText(language).error, `${out.error}: ${out.error_description ?? ''}`);
    },
  };

  const faults = options.faults ?? noFaults();
  // The jti of access tokens revoked at /oauth/revoke (see revocation.ts).
  const revoked = new Set<string>();
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx, next) => {
    if (ctx.path === IDENTITY_PATH_DISCOVERY) ctx.path = '/.well-known/openid-configuration';
    await next();
  });
  provider.use(async (ctx, next) => {
    const route = routeName(ctx.path);
    if (route && faults.hang.has(route)) return untilClosed(ctx.req);
    if (route && faults.refuse.has(route) && ctx.method === 'POST') {
      ctx.status = 401;
      ctx.body = { error: 'invalid_client', error_description: 'refused on purpose (USERPOOL_FAULTS)' };
      return;
    }
    await next();
    if (route === 'token' && faults.slowTokenMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.slowTokenMs));
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/userinfo') return handleUserinfo(ctx, { issuer, signingKey, allowedOrigins, revoked });
    if (ctx.path === '/oauth/revoke' && ctx.method === 'POST')
      return handleRevocation(ctx, next, { issuer, signingKey, allowedOrigins, revoked });
    if (ctx.path.startsWith('/interaction/')) {
      ctx.set(PAGE_HEADERS);
      return handleInteraction(provider, ctx);
    }
    return next();
  });

  const server: Server = createServer(provider.callback());
  const { port, close } = await listen(server, options.port, host);
  return {
    issuer: port === options.port ? issuer : `http://${host}:${port}`,
    faults,
    setIssueRefreshTokens: (on) => {
      issueRefreshTokens = on;
    },
    close,
  };
}

type Ctx = Parameters<Parameters<Provider['use']>[0]>[0];

/** The pages follow ui_locales of the request (the console sends its language), else the browser's Accept-Language. */
function languageOf(ctx: Ctx, uiLocales?: unknown) {
  return pageLanguage(uiLocales ?? ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));
}

async function handleInteraction(provider: Provider, ctx: Ctx): Promise<void> {
  const [, , uid, action] = ctx.path.split('/');
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(ctx.req, ctx.res);
  } catch {
    const text = pageText(languageOf(ctx));
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = messagePage(languageOf(ctx), text.expired, text.expiredText);
    return;
  }
  const language = languageOf(ctx, details.params.ui_locales);
  const text = pageText(language);
  if (details.uid !== uid) {
    ctx.status = 400;
    return;
  }
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? String(details.params.client_id);
  const base = `/interaction/${uid}`;

  const finish = async (result: Record<string, unknown>) => {
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
  };

  if (ctx.method === 'GET' && action === undefined) {
    ctx.type = 'html';
    if (details.prompt.name === 'login') {
      ctx.body = loginPage({ language, action: `${base}/login`, clientName });
    } else {
      const user = findUser(String(details.session?.accountId));
      const scopes = String(details.params.scope ?? '')
        .split(' ')
        .filter(Boolean);
      ctx.body = consentPage({
        language,
        action: `${base}/confirm`,
        abortAction: `${base}/abort`,
        clientName,
        username: user?.username ?? text.you,
        scopes,
      });
    }
    return;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  if (action === 'login') {
    const form = await readForm(ctx.req);
    const user = checkPassword(form.get('username') ?? '', form.get('password') ?? '');
    if (!user) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage({
        language,
        action: `${base}/login`,
        clientName,
        username: form.get('username') ?? '',
        error: text.wrongPassword,
      });
      return;
    }
    await finish({ login: { accountId: user.sub } });
    return;
  }
  if (action === 'confirm') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: String(details.session?.accountId), clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant not found');
    const promptDetails = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (promptDetails.missingOIDCScope) grant.addOIDCScope(promptDetails.missingOIDCScope.join(' '));
    if (promptDetails.missingOIDCClaims) grant.addOIDCClaims(promptDetails.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(promptDetails.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    await finish({ consent: { grantId } });
    return;
  }
  if (action === 'abort') {
    await finish({ error: 'access_denied', error_description: text.denied });
    return;
  }
  ctx.status = 404;
}
