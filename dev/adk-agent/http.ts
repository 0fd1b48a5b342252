import type { IncomingMessage } from 'node:http';

export { sendJson } from '../agent/send-reply.ts';

const MAX_BODY_BYTES = 1024 * 1024;

/** A refusal with its status and the body to send (ADK's routes answer `{"error": "…"}`, AgentKit's `/invoke` an object). */
export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, message = typeof body === 'string' ? body : `HTTP ${status}`) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** ADK's REST routes answer errors as `{"error": "<text>"}` (adk-devtools' API server). */
export function adkError(status: number, message: string): HttpError {
  return new HttpError(status, { error: message }, message);
}

/** AgentKit's own routes (`/invoke`) answer `{"error": {"message", "type"}}`. */
export function agentKitError(status: number, type: string, message: string): HttpError {
  return new HttpError(status, { error: { message, type } }, message);
}

/** The body as a JSON object; an empty body is `{}`. `invalid` builds the refusal for anything else. */
export async function readJsonObject(req: IncomingMessage, invalid: (message: string) => HttpError): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: 'request body larger than 1 MiB' });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('Invalid JSON in request body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A body field by its camelCase name or the snake_case one Python clients send (own properties only). */
export function field(body: Record<string, unknown>, camel: string): unknown {
  if (Object.hasOwn(body, camel)) return body[camel];
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return Object.hasOwn(body, snake) ? body[snake] : undefined;
}
