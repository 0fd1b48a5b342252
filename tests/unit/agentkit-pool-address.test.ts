import { describe, expect, it } from 'vitest';
import { discoveryUrlsOf, outboundCallbackOf, poolAddressOf, regionOf } from '../../src/lib/pool-address.ts';

describe('the addresses of a user pool', () => {
  it('reads the pool-host form and the identity-path form, issuer or discovery URL alike', () => {
    const { poolHost, identityPath } = discoveryUrlsOf('61597ac7', 'cn-beijing');
    expect(poolHost).toBe('https://userpool-61597ac7.userpool.auth.id.cn-beijing.volces.com/.well-known/openid-configuration');
    expect(identityPath).toBe('https://auth.id.cn-beijing.volces.com/userpool/61597ac7/.well-known/openid-configuration');
    expect(poolAddressOf(poolHost)).toEqual({ form: 'pool-host', poolId: '61597ac7', region: 'cn-beijing' });
    expect(poolAddressOf(identityPath)).toEqual({ form: 'identity-path', poolId: '61597ac7', region: 'cn-beijing' });
    expect(poolAddressOf('https://userpool-61597ac7.userpool.auth.id.cn-shanghai.volces.com/')).toEqual({
      form: 'pool-host',
      poolId: '61597ac7',
      region: 'cn-shanghai',
    });
    // The local pool serves the path form too, with no region to read.
    expect(poolAddressOf('http://127.0.0.1:8083/userpool/local/.well-known/openid-configuration')).toEqual({
      form: 'identity-path',
      poolId: 'local',
    });
  });

  it('is parsed, not prefix-matched: look-alike hosts and other paths are no pool', () => {
    for (const url of [
      'https://userpool-x.userpool.auth.id.cn-beijing.volces.com.evil.com/.well-known/openid-configuration',
      'https://evil.com/userpool-x.userpool.auth.id.cn-beijing.volces.com',
      'https://userpool-x.userpool.auth.id.cn-beijing.volces.com@evil.com/',
      'http://userpool-x.userpool.auth.id.cn-beijing.volces.com/',
      'https://auth.id.cn-beijing.volces.com/userpool/a/b/.well-known/openid-configuration',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(poolAddressOf(url), url).toEqual({ form: 'other' });
    }
    expect(regionOf('http://127.0.0.1:8083')).toBeUndefined();
  });

  it("builds the identity service's outbound callback for the region, or says where the region goes", () => {
    expect(outboundCallbackOf(regionOf('https://userpool-x.userpool.auth.id.ap-southeast-1.volces.com'))).toBe(
      'https://auth.id.ap-southeast-1.volces.com/api/v1/oauth2callback',
    );
    expect(outboundCallbackOf(undefined)).toBe('https://auth.id.<region>.volces.com/api/v1/oauth2callback');
  });
});
