import { afterEach, describe, expect, it } from 'vitest';
import { linkTarget, setLinkAgentEndpoint } from '../../src/features/chat/markdown/link-target.ts';

const BASE = 'https://console.example/chat';
const target = (value: string) => linkTarget(value, BASE)?.href;

describe('linkTarget', () => {
  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '  JavaScript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'blob:https://console.example/uuid',
    'file:///etc/passwd',
    'http://[::1',
  ])('refuses %j', (value) => {
    expect(target(value)).toBeUndefined();
  });

  it('reads //host, /\\host and /<TAB>/host as the other origins they are', () => {
    expect(target('//evil.example/x')).toBe('https://evil.example/x');
    expect(target('/\\evil.example/x')).toBe('https://evil.example/x');
    expect(target('/\t/evil.example/x')).toBe('https://evil.example/x');
  });

  it('keeps https, http and mailto, and resolves a relative path to the console origin', () => {
    expect(target('https://example.com/a?b#c')).toBe('https://example.com/a?b#c');
    expect(target('http://example.com/')).toBe('http://example.com/');
    expect(target('mailto:ops@example.com')).toBe('mailto:ops@example.com');
    expect(target('/debugger')).toBe('https://console.example/debugger');
    expect(target('../docs')).toBe('https://console.example/docs');
  });
});

describe('links into the console’s own agent proxy', () => {
  afterEach(() => {
    setLinkAgentEndpoint('/agent', 'https://console.example');
  });

  it.each([
    '/agent/invoke',
    'https://console.example/agent/list-apps',
    '/agent',
    '/Agent/x',
    '/%61gent/x',
    '/x/../agent/y',
    '/x/%2e%2e/agent/y',
    '/x%2f..%2fagent/y',
    '/%2Fagent/y',
    '/.//agent/y',
  ])('refuses %j: the gateway’s answer would open as the console', (value) => {
    expect(target(value)).toBeUndefined();
  });

  it('refuses the path of a configured AGENT_ENDPOINT on the console’s origin, and keeps other origins’ /agent', () => {
    setLinkAgentEndpoint('/api/runtime', 'https://console.example');
    expect(target('/api/runtime/invoke')).toBeUndefined();
    expect(target('https://console.example/API/runtime')).toBeUndefined();
    expect(target('/agent/invoke')).toBeUndefined(); // npm run dev forwards /agent whatever the configuration
    expect(target('/api/other')).toBe('https://console.example/api/other');
    expect(target('https://docs.example/agent/guide')).toBe('https://docs.example/agent/guide');
    setLinkAgentEndpoint('https://console.example/gw', 'https://console.example');
    expect(target('/gw/apps/x')).toBeUndefined();
    setLinkAgentEndpoint('https://gateway.example/runtime', 'https://console.example');
    expect(target('https://gateway.example/runtime/x')).toBe('https://gateway.example/runtime/x');
  });
});
