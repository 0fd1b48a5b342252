import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/index.ts';

// A request blocked by the page's own Content-Security-Policy fails like a network error; the browser tells only
// in a securitypolicyviolation event, queued after the request failed. These are the messages a user then reads.

const POOL = 'https://staging-pool.example.com';
const AGENT = 'https://gw.example.com';

/** What Chromium dispatches on the document when the policy blocks a fetch (connect-src) or a frame (frame-src). */
function violation(directive: 'connect-src' | 'frame-src', blockedURI: string) {
  const event = new Event('securitypolicyviolation');
  Object.defineProperties(event, { effectiveDirective: { value: directive }, blockedURI: { value: blockedURI } });
  document.dispatchEvent(event);
}

const failing = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

/** Fresh modules per test: the record of violations lives as long as the page. */
async function modules() {
  const violations = await import('../../src/config/policy-violations.ts');
  violations.watchPolicyViolations(document);
  return {
    agent: await import('../../src/features/chat/api/agent-failure.ts'),
    auth: await import('../../src/features/auth/auth-failure-diagnosis.ts'),
  };
}

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  document.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.remove();
});

describe('an agent call the page policy blocked', () => {
  it('names the policy and the command, not a network error, for the origin it blocked only', async () => {
    const { agent } = await modules();
    violation('connect-src', 'https://elsewhere.example.com/x');
    expect((await agent.diagnoseNetworkError(`${AGENT}/invoke`, AGENT, failing)).kind).toBe('network');
    violation('connect-src', `${AGENT}/invoke`);
    const failure = await agent.diagnoseNetworkError(`${AGENT}/invoke`, AGENT, failing);
    expect(failure.kind).toBe('csp');
    const text = t(failure.message, failure.params);
    expect(text).toContain(`Content-Security-Policy blocked the call to ${AGENT}/invoke`);
    expect(text).toContain('Run `npm run csp -- dist`');
  });

  it('waits for the event the browser queues after the failed fetch', async () => {
    const { agent } = await modules();
    const diagnosis = agent.diagnoseNetworkError(`${AGENT}/invoke`, AGENT, failing);
    violation('connect-src', `${AGENT}/invoke`);
    expect((await diagnosis).kind).toBe('csp');
  });

  it('is told by the stamped policy itself, without an event', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'; connect-src 'self' https://pool.example.com";
    document.head.append(meta);
    const { agent } = await modules();
    expect((await agent.diagnoseNetworkError(`${AGENT}/invoke`, AGENT, failing)).kind).toBe('csp');
  });
});

describe('a sign-in or renewal the page policy blocked', () => {
  it('names the policy instead of "could not reach the user pool … check that the pool is up"', async () => {
    const { auth } = await modules();
    violation('connect-src', `${POOL}/.well-known/openid-configuration`);
    const error = new TypeError('Failed to fetch');
    const diagnosis = await auth.diagnoseNetworkFailure(POOL, failing);
    const failure = auth.classifyAuthError(error, { origin: 'https://console.example.com', diagnosis });
    expect(failure.kind).toBe('csp');
    const text = t(failure.message, failure.params);
    expect(text).toContain(`Content-Security-Policy blocked the request to ${POOL}`);
    expect(text).toContain('Run `npm run csp -- dist`');
    expect(text).not.toContain('Could not reach');
  });

  it('explains a silent renewal that timed out because its iframe was blocked', async () => {
    const { auth } = await modules();
    expect(auth.classifyAuthError({ name: 'ErrorTimeout', message: 'timed out' }, { origin: 'x' }).kind).toBe('timeout');
    violation('frame-src', POOL);
    const failure = auth.classifyAuthError({ name: 'ErrorTimeout', message: 'IFrame timed out without a response' }, { origin: 'x' });
    expect(failure.kind).toBe('csp');
    expect(t(failure.message, failure.params)).toContain(`blocked the request to ${POOL}`);
  });
});
