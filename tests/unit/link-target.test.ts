import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../src/features/chat/components/link-target.ts';

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
