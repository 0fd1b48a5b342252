import { claimDocsEn, debuggerEn } from './debugger-en.ts';
import { format, type MessageParams } from './index.ts';

/** Text of the debugger page; a missing key shows itself rather than an empty string. */
export function td(key: string, params: MessageParams = {}): string {
  return format(debuggerEn[key] ?? key, params);
}

export function claimDoc(name: string): string | undefined {
  return claimDocsEn[name];
}
