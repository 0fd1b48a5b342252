import { describe, expect, it } from 'vitest';
import { describeAcceptedCallers } from '../../dev/agent/main.ts';
import { exposedHostWarning } from '../../dev/exposed-host.ts';

describe('the local pool and agent on an address other machines reach', () => {
  it.each(['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]'])('say nothing on loopback (%s)', (host) => {
    expect(exposedHostWarning(host, 'user pool')).toBeUndefined();
    expect(exposedHostWarning(host, 'agent')).toBeUndefined();
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'devbox.example', '127.0.0.1.nip.io'])(
    'warn on %s that the demo passwords are public',
    (host) => {
      expect(exposedHostWarning(host, 'user pool')).toMatch(
        new RegExp(`local user pool listens on ${host.replace(/\./g, '\\.')}.*demo users, whose passwords are public`),
      );
      expect(exposedHostWarning(host, 'agent')).toMatch(/local agent listens on .*demo passwords are public/);
    },
  );
});

describe('npm run dev:agent says whose tokens it takes', () => {
  const discoveryUrl = 'http://127.0.0.1:8083/.well-known/openid-configuration';

  it('names the issuer and the allowed client ids', () => {
    const text = describeAcceptedCallers({ discoveryUrl, allowedClients: ['agent-console', 'partner-app'] }, 'http://127.0.0.1:8083');
    expect(text).toContain(`accepts access tokens of  http://127.0.0.1:8083  (from ${discoveryUrl})`);
    expect(text).toContain('issued to clients         agent-console, partner-app');
  });

  it('says when any client of the pool is accepted, and when the pool has not answered yet', () => {
    const text = describeAcceptedCallers({ discoveryUrl, allowedClients: [] });
    expect(text).toContain(`the issuer named by ${discoveryUrl}  (not reachable yet`);
    expect(text).toContain('any client of that pool');
  });
});
