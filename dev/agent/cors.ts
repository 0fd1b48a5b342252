import type { IncomingMessage, ServerResponse } from 'node:http';

/** The CORS headers of an answer: the request's origin echoed when it is one of `allowed`, else none. */
export function corsHeaders(req: IncomingMessage, allowed: ReadonlySet<string>): Record<string, string> {
  const origin = req.headers.origin;
  return origin && allowed.has(origin)
    ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'WWW-Authenticate, Retry-After', vary: 'Origin' }
    : {};
}

/** Answers a preflight: the methods and headers are granted only to an allowed origin. */
export function answerPreflight(res: ServerResponse, cors: Record<string, string>, grant: { methods: string; headers: string }) {
  const granted = cors['access-control-allow-origin']
    ? { 'access-control-allow-methods': grant.methods, 'access-control-allow-headers': grant.headers, 'access-control-max-age': '600' }
    : {};
  res.writeHead(204, { ...cors, ...granted });
  res.end();
}
