import { claimDocsEn, debuggerEn } from './debugger-en.ts';
import { format, type MessageParams } from './index.ts';

/** Text of the debugger page; a missing key shows itself rather than an empty string. */
export function td(key: string, params: MessageParams = {}): string {
  return format(Object.hasOwn(debuggerEn, key) ? debuggerEn[key] : key, params);
}

/** Claim names come from the token: `__proto__` or `constructor` must not reach Object.prototype. */
export function claimDoc(name: string): string | undefined {
  return Object.hasOwn(claimDocsEn, name) ? claimDocsEn[name] : undefined;
}
