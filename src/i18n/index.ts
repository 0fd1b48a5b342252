import { type Catalogue, en, type MessageKey } from './en.ts';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

let catalogue: Catalogue = en;

/** Switches the catalogue (a Chinese one will follow); English is the fallback for any missing key. */
export function setCatalogue(next: Partial<Catalogue>) {
  catalogue = { ...en, ...next };
}

/** Fills `{name}` placeholders; unknown ones stay visible rather than vanish. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function t(key: MessageKey, params: MessageParams = {}): string {
  return format(catalogue[key], params);
}
