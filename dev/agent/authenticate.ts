import type { IncomingMessage, ServerResponse } from 'node:http';
import { type createCustomJwtVerifier, InvalidTokenError, type VerifiedCaller } from './custom-jwt.ts';
import { errorBody, sendJson } from './send-reply.ts';

function quoted(text: string) {
  return text.replace(/["\\]/g, "'");
}

/**
 * The caller of a request, as custom_jwt verifies its bearer token; on a refusal, answers 401 the way AgentKit's
 * gateway does (`WWW-Authenticate` with the reason, the AgentKit error body), notes it in `record` and returns
 * the bytes of that answer.
 */
export async function authenticate(
  verifier: ReturnType<typeof createCustomJwtVerifier>,
  req: IncomingMessage,
  res: ServerResponse,
  cors: Record<string, string>,
  record: Record<string, unknown>,
): Promise<VerifiedCaller | number> {
  try {
    return await verifier.verify(req.headers.authorization);
  } catch (error) {
    const description = error instanceof InvalidTokenError ? error.message : 'invalid token';
    record.status = 401;
    record.reason = description;
    return sendJson(res, 401, errorBody(`Unauthorized: ${description}`, 'Unauthorized'), {
      ...cors,
      'www-authenticate': `Bearer error="invalid_token", error_description="${quoted(description)}"`,
    });
  }
}
