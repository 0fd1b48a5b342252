import { td } from '../../i18n/debugger.ts';
import { isRecord } from '../../lib/json-object.ts';
import { bearerError } from '../../lib/www-authenticate.ts';
import type { PoolAnswer } from './api/call-pool.ts';

export type PoolRequest = 'userinfo' | 'revocation';

function json(body: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function field(record: Record<string, unknown> | undefined, name: string): string {
  const value = record && Object.hasOwn(record, name) ? record[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

/**
 * What the pool's answer means. Userinfo: OpenID Connect Core §5.3 (its `sub` is the user's) and RFC 6750 §3.1
 * (invalid_token, insufficient_scope). Revocation: RFC 7009 §2.2 (200 also for a token the pool did not know)
 * and §2.2.1 (unsupported_token_type), with the client errors of RFC 6749 §5.2.
 */
export function explainPoolAnswer(request: PoolRequest, answer: PoolAnswer, context: { tokenSub?: string; clientId: string }): string {
  if (answer.kind === 'cors')
    return td(request === 'userinfo' ? 'poolCorsUserinfo' : 'poolCorsRevoke', { origin: answer.origin, client: context.clientId });
  if (answer.kind === 'timeout') return td('poolTimeout');
  if (answer.kind === 'network') return td('poolNetwork');
  const body = json(answer.body);
  const challenge = bearerError(answer.headers.find(([name]) => name === 'www-authenticate')?.[1]);
  const error = challenge?.error ?? field(body, 'error');
  const description = challenge?.description ?? field(body, 'error_description');
  if (request === 'userinfo') {
    if (answer.status === 200) {
      const sub = field(body, 'sub');
      if (!sub) return td('userinfoNoSub');
      return context.tokenSub && context.tokenSub !== sub
        ? td('userinfoOtherSub', { sub, tokenSub: context.tokenSub })
        : td('userinfoOk', { sub });
    }
    if (error === 'invalid_token') return td('userinfoInvalid', { reason: description || error });
    if (error === 'insufficient_scope') return td('userinfoScope');
    return td('poolOther', { status: answer.status, reason: description || error || answer.statusText });
  }
  if (answer.status === 200) return td('revokeOk');
  if (error === 'unsupported_token_type') return td('revokeUnsupported', { reason: description || error });
  if (error === 'invalid_client' || error === 'unauthorized_client' || answer.status === 401)
    return td('revokeClientRefused', { client: context.clientId, reason: description || error || String(answer.status) });
  if (answer.status === 503) return td('revokeUnavailable');
  return td('poolOther', { status: answer.status, reason: description || error || answer.statusText });
}

/** The answer as it came: status line, the headers worth reading, the body (cut when longer). */
export function rawAnswer(answer: Extract<PoolAnswer, { kind: 'answer' }>): string {
  const lines = [`HTTP ${answer.status} ${answer.statusText}`.trim(), ...answer.headers.map(([name, value]) => `${name}: ${value}`)];
  return `${lines.join('\n')}\n\n${answer.body.slice(0, 16_000)}${answer.cut || answer.body.length > 16_000 ? '\n…' : ''}`;
}
