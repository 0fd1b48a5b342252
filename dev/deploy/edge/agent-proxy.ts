/**
 * The agent path as a function of the Web platform (Request in, Response out), for hosts that cannot forward to
 * another origin from static configuration: a Cloudflare Pages Function, a Netlify Edge Function. It does what the
 * nginx and Caddy configurations do: forward only what the console calls, stream the answer as it arrives, keep the
 * user_id and session_id headers, and mark every answer as sandboxed data without cookies.
 *
 * `npm run deploy` copies this file's text into the host's function (dev/deploy/hosts/edge-function.ts), so it
 * imports nothing and uses only what every one of those runtimes has.
 */

/** One kind of request the console sends to the agent: a method and a path under the agent path. */
export interface AgentRoute {
  methods: readonly string[];
  /** The exact path, or with `prefix` every path below it. */
  path: string;
  prefix?: boolean;
}

/**
 * What the console calls: POST /invoke, and the ADK REST routes of an agent server app. Anything else the gateway
 * serves (A2A, docs, debug routes) stays off the console's origin.
 */
export const AGENT_ROUTES: readonly AgentRoute[] = [
  { methods: ['POST'], path: '/invoke' },
  { methods: ['GET'], path: '/list-apps' },
  { methods: ['GET', 'POST', 'DELETE'], path: '/apps/', prefix: true },
  { methods: ['POST'], path: '/run_sse' },
];

/** An answer from the agent path is data, never a page of the console. */
export const AGENT_ANSWER_POLICY = "sandbox; default-src 'none'";

export interface AgentProxySettings {
  /** Where the console calls the agent on its own origin, e.g. "/agent" (no trailing slash). */
  path: string;
  /** The agent's URL, e.g. "https://xxxx.apigateway-cn-beijing.volceapi.com" (a path in it is kept). */
  target: string;
  /** Strict-Transport-Security for the answers, on a TLS site. */
  hsts?: string;
}

export function isAgentRoute(method: string, path: string): boolean {
  return AGENT_ROUTES.some(
    (route) =>
      route.methods.includes(method) &&
      (route.prefix ? path.startsWith(route.path) && path.length > route.path.length : path === route.path),
  );
}

function answerHeaders(from: Headers | undefined, settings: AgentProxySettings): Headers {
  const headers = new Headers(from);
  headers.delete('set-cookie');
  headers.set('content-security-policy', AGENT_ANSWER_POLICY);
  headers.set('x-content-type-options', 'nosniff');
  if (settings.hsts) headers.set('strict-transport-security', settings.hsts);
  return headers;
}

/** Forwards one request of the console to the agent, or answers 404 for anything the console does not call. */
export async function proxyAgent(request: Request, settings: AgentProxySettings): Promise<Response> {
  const url = new URL(request.url);
  const below = url.pathname.startsWith(`${settings.path}/`) ? url.pathname.slice(settings.path.length) : '';
  if (!isAgentRoute(request.method, below)) {
    return new Response('Not found\n', { status: 404, headers: answerHeaders(new Headers({ 'content-type': 'text/plain' }), settings) });
  }
  const target = new URL(settings.target);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${below}`;
  target.search = url.search;
  const headers = new Headers(request.headers);
  // The host header names the console; the gateway routes by its own name. Cookies of the console's origin are not
  // the agent's business (the console sets none).
  for (const name of ['host', 'cookie', 'content-length']) headers.delete(name);
  // Uncompressed, so no runtime decodes a body it then passes on still labelled as compressed.
  headers.set('accept-encoding', 'identity');
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    // Bodies are small JSON documents: read whole, which every runtime can send without a streaming upload.
    body: request.method === 'GET' ? undefined : await request.arrayBuffer(),
    redirect: 'manual',
  });
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: answerHeaders(upstream.headers, settings),
  });
}
