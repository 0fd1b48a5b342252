import { isRecord } from '../../../lib/json-object.ts';
import { MAX_URL_CHARS } from './consent-url.ts';

/** The function call an ADK agent streams when a tool needs the user's consent to a third party. */
export const REQUEST_CREDENTIAL = 'adk_request_credential';

/** What the console keeps of an `adk_request_credential` call; the address is checked again where it is shown. */
export interface CredentialRequest {
  /** The id of the `adk_request_credential` call itself. */
  id: string;
  /** The tool call that waits for the credential (`args.functionCallId`). */
  toolCallId?: string;
  /** `authConfig.exchangedAuthCredential.oauth2.authUri`, as sent: untrusted. */
  authUri?: string;
  provider?: string;
  scopes: string[];
}

/** ADK serialises with camelCase aliases; Python clients may see snake_case. Own properties only. */
function field(record: unknown, camel: string, snake: string = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)): unknown {
  if (!isRecord(record)) return undefined;
  if (Object.hasOwn(record, camel)) return record[camel];
  return Object.hasOwn(record, snake) ? record[snake] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
}

const MAX_SCOPES = 20;

/** Scopes of an OAuth2 scheme's flows (an object, as in OpenAPI), of an OpenID scheme (a list), or of the URL. */
function scopesOf(authConfig: unknown, authUri: unknown): string[] {
  const scheme = field(authConfig, 'authScheme');
  const found = new Set<string>();
  const flows = field(scheme, 'flows');
  if (isRecord(flows)) {
    for (const flow of Object.values(flows)) {
      const scopes = field(flow, 'scopes');
      if (isRecord(scopes)) for (const name of Object.keys(scopes)) found.add(name);
    }
  }
  const listed = field(scheme, 'scopes');
  if (Array.isArray(listed)) for (const name of listed) if (typeof name === 'string') found.add(name);
  if (found.size === 0 && typeof authUri === 'string' && URL.canParse(authUri)) {
    for (const name of (new URL(authUri).searchParams.get('scope') ?? '').split(/\s+/)) if (name) found.add(name);
  }
  return [...found].map((name) => name.slice(0, 100)).slice(0, MAX_SCOPES);
}

/** The arguments of an `adk_request_credential` call, read defensively: any part may be missing or malformed. */
export function credentialRequest(id: string, args: unknown): CredentialRequest {
  const authConfig = field(args, 'authConfig');
  const oauth2 = field(field(authConfig, 'exchangedAuthCredential'), 'oauth2');
  const authUri = field(oauth2, 'authUri');
  const provider = text(field(authConfig, 'providerName')) ?? text(field(args, 'providerName'));
  const toolCallId = text(field(args, 'functionCallId'));
  return {
    id,
    ...(toolCallId ? { toolCallId } : {}),
    // Kept as text and capped (one char past the limit, so an over-long address stays refused, not cut to fit).
    ...(authUri != null ? { authUri: String(authUri).slice(0, MAX_URL_CHARS + 1) } : {}),
    ...(provider ? { provider } : {}),
    scopes: scopesOf(authConfig, authUri),
  };
}

/** True when a tool's response answers the request: the agent got the credential and went on. */
export function answers(request: Pick<CredentialRequest, 'id' | 'toolCallId'>, responseId: string | undefined): boolean {
  return responseId !== undefined && (responseId === request.id || responseId === request.toolCallId);
}
