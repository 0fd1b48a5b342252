import { describe, expect, it } from 'vitest';
import { parseErrorPaste } from '../../src/features/debugger/error-paste.ts';
import { explainFailure } from '../../src/lib/agentkit-errors.ts';

describe('an error pasted into the debugger', () => {
  it('reads an HTTP answer: status, the challenge among the headers, the JSON body', () => {
    const evidence = parseErrorPaste(
      [
        'HTTP/2 403',
        'date: Mon, 01 Jan 2026 00:00:00 GMT',
        'www-authenticate: Bearer error="invalid_token", error_description="client not allowed (client_id partner-app)"',
        '',
        '{"error": {"message": "Forbidden", "type": "Forbidden"}}',
      ].join('\r\n'),
    );
    expect(evidence).toEqual({
      status: 403,
      challenge: 'Bearer error="invalid_token", error_description="client not allowed (client_id partner-app)"',
      texts: ['Forbidden', 'Forbidden'],
    });
    expect(explainFailure(evidence)?.id).toBe('token-client');
  });

  it('reads SSE frames, OAuth and FastAPI bodies, and words that only look like headers', () => {
    expect(parseErrorPaste('data: {"partial": true}\ndata: {"error": "agent execution failed"}').texts).toEqual(['agent execution failed']);
    expect(parseErrorPaste('{"error": "invalid_token", "error_description": "token revoked"}').texts).toEqual([
      'invalid_token',
      'token revoked',
    ]);
    expect(parseErrorPaste('{"detail": "Session not found"}').texts).toEqual(['Session not found']);
    expect(parseErrorPaste('Unauthorized: token expired (exp)').texts).toEqual(['Unauthorized: token expired (exp)']);
    expect(explainFailure(parseErrorPaste('401\nUnauthorized: token expired (exp)'))).toBeUndefined();
    expect(explainFailure(parseErrorPaste('HTTP/1.1 401 Unauthorized\n\nUnauthorized: token expired (exp)'))?.id).toBe('token-expired');
  });

  it('survives anything: broken JSON, a huge paste, prototype names', () => {
    expect(parseErrorPaste('data: {"error": ').texts).toEqual([]);
    expect(parseErrorPaste('{"__proto__": {"message": "x"}}').texts).toEqual(['{"__proto__": {"message": "x"}}']);
    const huge = parseErrorPaste(`x${'y'.repeat(1_000_000)}`);
    expect(huge.texts[0].length).toBe(64 * 1024);
  });
});
