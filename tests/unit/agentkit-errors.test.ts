import { describe, expect, it } from 'vitest';
import { failureEvidence, failureFromResponse } from '../../src/features/chat/api/agent-failure.ts';
import { type ExplainKey, explainEn } from '../../src/i18n/agentkit-errors-en.ts';
import { explainZh } from '../../src/i18n/agentkit-errors-zh-CN.ts';
import { t } from '../../src/i18n/index.ts';
import { errorFrameTexts, explainFailure, explanationRows, type FailureEvidence } from '../../src/lib/agentkit-errors.ts';
import { bearerError, parseChallenges } from '../../src/lib/www-authenticate.ts';

const explained = (evidence: FailureEvidence) => explainFailure(evidence)?.id;

describe('WWW-Authenticate, parsed', () => {
  it('reads a Bearer challenge with quoted and bare parameters, escapes and several challenges', () => {
    const header =
      'Basic realm="agent", Bearer realm="x", error="invalid_token", error_description="client not allowed (client_id \\"p\\")"';
    expect(parseChallenges(header)).toEqual([
      { scheme: 'basic', params: { realm: 'agent' } },
      { scheme: 'bearer', params: { realm: 'x', error: 'invalid_token', error_description: 'client not allowed (client_id "p")' } },
    ]);
    expect(bearerError('Bearer error=insufficient_scope, scope="read write"')).toEqual({
      error: 'insufficient_scope',
      scope: 'read write',
    });
  });

  it('takes a description that mentions error="…" as a description, and survives garbage', () => {
    expect(bearerError('Bearer error_description="see error=\\"invalid_token\\"", error="invalid_request"')).toEqual({
      error: 'invalid_request',
      description: 'see error="invalid_token"',
    });
    for (const garbage of ['', '=', 'Bearer ===', 'Bearer error="unterminated', '"quoted" Bearer', 'x'.repeat(100_000)]) {
      expect(() => parseChallenges(garbage)).not.toThrow();
    }
    expect(bearerError('Bearer error="unterminated')).toEqual({ error: 'unterminated' });
    expect(bearerError(null)).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(parseChallenges('Bearer __proto__="x"')[0].params, '__proto__')?.value).toBe('x');
  });
});

describe('the explainer table', () => {
  const challenge = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;

  it('names the failing custom_jwt check of a 401, from the challenge or from the body', () => {
    expect(explained({ status: 401, challenge: challenge('client not allowed (client_id partner-app)'), texts: [] })).toBe('token-client');
    expect(explained({ status: 401, challenge: challenge('token expired (exp)'), texts: [] })).toBe('token-expired');
    expect(explained({ status: 401, challenge: challenge('issuer mismatch (iss)'), texts: [] })).toBe('token-issuer');
    expect(explained({ status: 401, challenge: challenge('token not yet valid (nbf)'), texts: [] })).toBe('token-not-yet-valid');
    expect(explained({ status: 401, challenge: challenge('signature verification failed'), texts: [] })).toBe('token-signature');
    expect(explained({ status: 401, challenge: challenge('missing bearer token'), texts: [] })).toBe('token-missing');
    expect(explained({ status: 403, texts: ['Unauthorized: token expired (exp)'] })).toBe('token-expired');
    const unknown = explainFailure({ status: 401, challenge: challenge('the moon is in the wrong phase'), texts: [] });
    expect(unknown).toMatchObject({ id: 'token-invalid', params: { detail: 'the moon is in the wrong phase' } });
    expect(explained({ status: 403, challenge: 'Bearer error="insufficient_scope", scope="documents.read"', texts: [] })).toBe(
      'insufficient-scope',
    );
  });

  it('explains the gateway, the identity service and the consent providers by what they say', () => {
    expect(explained({ status: 401, texts: ['Consumer authentication failed'] })).toBe('consumer-auth');
    expect(
      explained({ texts: ['OAuth2 auth polling timed out after 60 seconds. User may not have completed authorization.', 'TimeoutError'] }),
    ).toBe('consent-timeout');
    expect(explained({ texts: ['Error code: 20029 redirect_uri request is illegal'] })).toBe('provider-redirect');
    expect(explained({ texts: ['Error code: 20027 The current application has not applied for the relevant permissions'] })).toBe(
      'provider-permission',
    );
    expect(explained({ texts: ['Error 20043: openid is incorrect'] })).toBe('provider-scope');
    expect(explained({ texts: ['GetWorkloadAccessToken failed'] })).toBe('workload-token');
    expect(explained({ texts: ['InvalidParameter: Name is missing or invalid'] })).toBe('credential-provider');
    expect(explained({ texts: ['AssumeRole: NoPermission - You have no permission for this action.'] })).toBe('assume-role');
    expect(explained({ texts: ['Missing authorization code or state'] })).toBe('callback-code-state');
  });

  it('explains the runtime binding sessions and users, and the failures of the agent code', () => {
    expect(explained({ status: 404, texts: ['Session not found'] })).toBe('session-not-found');
    expect(explained({ status: 403, texts: ["user_id does not match the token's sub"] })).toBe('user-refused');
    expect(explained({ status: 400, texts: ['invalid session_id header'] })).toBe('session-refused');
    expect(explained({ texts: ['agent execution failed'] })).toBe('execution-hidden');
    const typed = explainFailure({
      texts:
        errorFrameTexts({ error: 'division by zero', error_type: 'ZeroDivisionError', message: 'An error occurred during streaming' }) ??
        [],
    });
    expect(typed).toMatchObject({ id: 'stream-exception', params: { detail: 'division by zero', type: 'ZeroDivisionError' } });
  });

  it('leaves every other shape unexplained, to be shown as it came', () => {
    expect(explainFailure({ status: 500, texts: ['The flux capacitor is out of sync', 'FluxError'] })).toBeUndefined();
    expect(explainFailure({ texts: [] })).toBeUndefined();
    // A word of a row in an answer that is no refusal is not a refusal.
    expect(explainFailure({ status: 500, texts: ['the token expired while we talked'] })).toBeUndefined();
  });

  it('reads each kind of SSE error frame, and nothing else', () => {
    expect(errorFrameTexts({ error: 'agent execution failed' })).toEqual(['agent execution failed']);
    expect(errorFrameTexts({ error: { message: 'boom', type: 'RuntimeError' } })).toEqual(['boom', 'RuntimeError']);
    expect(errorFrameTexts({ content: { parts: [] } })).toBeUndefined();
    expect(errorFrameTexts(['error'])).toBeUndefined();
    expect(errorFrameTexts(JSON.parse('{"__proto__": {"error": "x"}}'))).toBeUndefined();
  });

  it('has one row per shape, each with a source to read, a cause and a fix in both languages', () => {
    const rows = explanationRows();
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(new URL(row.source).protocol).toBe('https:');
      for (const part of ['cause', 'fix'] as const) {
        const key = `${row.id}.${part}` as ExplainKey;
        expect(explainEn[key], key).toBeTruthy();
        expect(explainZh[key], key).toMatch(/\p{Script=Han}/u);
      }
    }
    expect(Object.keys(explainZh).sort()).toEqual(Object.keys(explainEn).sort());
    for (const key of Object.keys(explainEn) as ExplainKey[]) expect(explainZh[key], key).toMatch(/\p{Script=Han}/u);
  });
});

describe('a failed call keeps what the explainer needs', () => {
  const now = Date.UTC(2026, 0, 1);

  it('keeps the challenge and the words of a refusal, bounded', async () => {
    const response = new Response(JSON.stringify({ error: { message: 'x'.repeat(5_000), type: 'Unauthorized' } }), {
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="client not allowed (client_id partner-app)"' },
    });
    const failure = await failureFromResponse(response, { signedIn: true, url: 'u', now });
    expect(failure.evidence?.status).toBe(401);
    expect(failure.evidence?.challenge).toContain('client not allowed');
    expect(Math.max(...(failure.evidence?.texts ?? []).map((text) => text.length))).toBeLessThanOrEqual(500);
    expect(explainFailure(failureEvidence(failure))?.id).toBe('token-client');
  });

  it('says what a runtime route answered with 404 instead of blaming the entrypoint', async () => {
    const failure = await failureFromResponse(new Response('{"error":"Session not found"}', { status: 404 }), {
      signedIn: true,
      url: 'https://agent/run_sse',
      now,
    });
    expect(t(failure.message, failure.params)).toBe(
      'The agent answered 404 at https://agent/run_sse: Session not found. If the route itself is missing, check AGENT_ENDPOINT.',
    );
    expect(explainFailure(failureEvidence(failure))?.id).toBe('session-not-found');
    const page = await failureFromResponse(new Response('<html>nginx 404</html>', { status: 404 }), { signedIn: true, url: 'u', now });
    expect(page.message).toBe('agent.error.notFound');
  });

  it('reads a stream failure from its raw frame, whose error field the generic message hides', () => {
    const failure = {
      kind: 'stream',
      message: 'agent.error.streamErrorTyped',
      params: { type: 'TimeoutError', message: 'An error occurred during streaming' },
    } as const;
    const frame = {
      error: 'OAuth2 auth polling timed out after 60 seconds.',
      error_type: 'TimeoutError',
      message: 'An error occurred during streaming',
    };
    expect(explainFailure(failureEvidence(failure, frame))?.id).toBe('consent-timeout');
    // Reloaded (the raw events are gone): what the failure kept, which here explains less.
    expect(explainFailure(failureEvidence(failure))?.id).toBe('stream-exception');
  });
});
