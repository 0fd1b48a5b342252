import { describe, expect, it } from 'vitest';
import { discoveryFormNote, formMismatch } from '../../src/features/debugger/discovery-form.ts';
import { gatewayChecks, gatewayYaml, gatewayYamlWarnings, targetDifferences } from '../../src/features/debugger/gateway-verdict.ts';
import { verdictOf } from '../../src/features/debugger/runtime-verdict.ts';
import { discoveryUrlsOf } from '../../src/lib/pool-address.ts';

const { poolHost, identityPath } = discoveryUrlsOf('abc123', 'cn-beijing');
const issuer = poolHost.replace('/.well-known/openid-configuration', '');
const nowMs = Date.UTC(2026, 0, 1);
const payload = { iss: issuer, client_id: 'console', exp: nowMs / 1000 + 600 };
const verified = { status: 'verified', alg: 'RS256', source: 'jwks' } as const;
const judge = (allowedClients: string[]) =>
  verdictOf(
    gatewayChecks({ payload, signature: verified, discoveryIssuer: issuer, settings: { discoveryUrl: poolHost, allowedClients }, nowMs }),
  );

describe("the gateway's CustomJWT", () => {
  it('allows at most 5 clients, and any client of the pool with none', () => {
    expect(judge(['console'])).toEqual({ kind: 'accepted' });
    expect(judge([])).toEqual({ kind: 'accepted' });
    expect(judge(['other'])).toEqual({ kind: 'rejected', failing: ['client_id'] });
    expect(judge(['a', 'b', 'c', 'd', 'e', 'console'])).toEqual({ kind: 'rejected', failing: ['AllowedClients'] });
  });

  it('says where it and the runtime part: the limit, the lists, the verdicts', () => {
    const runtime = { settings: { discoveryUrl: poolHost, allowedClients: ['console'] }, verdict: { kind: 'accepted' } as const };
    expect(targetDifferences(runtime, runtime)).toEqual([]);
    const six = ['a', 'b', 'c', 'd', 'e', 'console'];
    expect(targetDifferences(runtime, { settings: { discoveryUrl: poolHost, allowedClients: six }, verdict: judge(six) })).toEqual([
      'The gateway takes at most 5 allowed clients and this list has 6; the runtime is not known to limit its list.',
      'The allowed clients differ: the runtime allows console, the gateway a, b, c, d, e, console.',
      'The runtime would answer Accepted, the gateway Rejected (failing: AllowedClients).',
    ]);
  });

  it('writes the form CreateMCPService takes, its warnings as comments', () => {
    const settings = { discoveryUrl: identityPath, allowedClients: [] };
    expect(gatewayYaml(settings, gatewayYamlWarnings(settings, { yaml: [] }))).toBe(
      [
        '# WARNING: Empty allowed clients: any client of the pool would pass, ID tokens included.',
        '# AgentKit Gateway (MCP service or toolset): CreateMCPService / CreateMCPToolset',
        'InboundAuthorizerConfiguration:',
        '  AuthorizerType: CustomJWT',
        '  Authorizer:',
        '    CustomJwtAuthorizer:',
        `      DiscoveryUrl: ${identityPath}`,
        '      AllowedClients: []',
      ].join('\n'),
    );
  });
});

describe('the discovery URL forms a verdict names', () => {
  it('names each documented form', () => {
    expect(discoveryFormNote(poolHost)).toBe(
      'pool-host form of pool abc123 in cn-beijing (userpool-<id>.userpool.auth.id.<region>.volces.com, the pool’s own address)',
    );
    expect(discoveryFormNote(identityPath)).toBe(
      'identity-path form of pool abc123 (https://auth.id.cn-beijing.volces.com/userpool/<id>, as the workshop utilities build it from the identity endpoint)',
    );
    expect(discoveryFormNote('https://login.example.com/oidc/.well-known/openid-configuration')).toBe(
      'discovery document of the issuer https://login.example.com/oidc',
    );
    expect(discoveryFormNote('https://login.example.com/oidc')).toMatch(/^address as given: it does not end in/);
  });

  it('warns when the token and the settings use two forms of the same pool', () => {
    expect(formMismatch(issuer, identityPath)).toBe(
      'The token’s iss is the pool-host form of pool abc123, the discovery URL the identity-path form of the same pool. custom_jwt compares iss with the issuer that document names: unless it names the token’s form, the iss check fails.',
    );
    expect(formMismatch(issuer, poolHost)).toBeUndefined();
    expect(formMismatch(issuer, discoveryUrlsOf('other', 'cn-beijing').identityPath)).toBeUndefined();
    expect(formMismatch(42, identityPath)).toBeUndefined();
  });
});
