import { isRecord } from './json-object.ts';
import { bearerError } from './www-authenticate.ts';

/**
 * What the AgentKit runtime, its gateway, the identity service, a consent provider or the user pool sent back,
 * gathered from a failed call (or pasted into the debugger). Every field is untrusted and bounded by whoever built it.
 */
export interface FailureEvidence {
  status?: number;
  /** The raw WWW-Authenticate header. */
  challenge?: string;
  /** What the answer said in words: messages, types, error fields, a body that is not JSON. */
  texts: string[];
}

/** Who sends the shape a row explains. */
export type Sender = 'runtime' | 'gateway' | 'identity' | 'provider' | 'pool' | 'agent';

export type ExplanationId =
  | 'token-missing'
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'token-issuer'
  | 'token-client'
  | 'token-signature'
  | 'token-id-token'
  | 'token-invalid'
  | 'insufficient-scope'
  | 'consumer-auth'
  | 'consent-timeout'
  | 'provider-redirect'
  | 'provider-permission'
  | 'provider-scope'
  | 'client-redirect-missing'
  | 'credential-provider'
  | 'workload-token'
  | 'assume-role'
  | 'callback-code-state'
  | 'idp-config'
  | 'session-not-found'
  | 'session-refused'
  | 'user-refused'
  | 'execution-hidden'
  | 'stream-exception';

export interface Explanation {
  id: ExplanationId;
  from: Sender;
  /** Where the shape and its cause are documented. */
  source: string;
  /** Values the cause and fix texts name ({type}, {detail}). */
  params: Record<string, string>;
}

interface Rule {
  id: ExplanationId;
  from: Sender;
  source: string;
  /** Params when the evidence is this shape, else undefined. Checked in table order: the first match explains. */
  match: (evidence: ReadEvidence) => Record<string, string> | undefined;
}

/** The evidence as the rules read it: the Bearer challenge parsed, the words joined (bounded) and lower-cased. */
interface ReadEvidence {
  status?: number;
  bearer?: { error?: string; description?: string; scope?: string };
  texts: string[];
  /** Every text, and the challenge's description, joined. */
  words: string;
  lower: string;
}

const MAX_WORDS = 8_000;

const TUTORIALS = 'https://github.com/volcengine/agentkit-samples/blob/main/python/01-tutorials/03-agentKit-identity';
const SOURCES = {
  rfc6750: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
  inbound: `${TUTORIALS}/userpool_inbound/README_en.md`,
  outbound: `${TUTORIALS}/feishu_outbound/README_en.md#common-problem-troubleshooting`,
  idp: `${TUTORIALS}/feishu_idp/README_en.md#common-problem-troubleshooting`,
  poller: 'https://github.com/volcengine/veadk-python/blob/main/veadk/integrations/ve_identity/auth_processor.py',
  serverApp: 'https://github.com/volcengine/agentkit-sdk-python/blob/main/agentkit/apps/agent_server_app/agent_server_app.py',
  simpleApp: 'https://github.com/volcengine/agentkit-sdk-python/blob/main/agentkit/apps/simple_app/simple_app_handlers.py',
  adkRunner: 'https://github.com/google/adk-python/blob/main/src/google/adk/runners.py',
} as const;

const GENERIC_STREAM_MESSAGE = 'an error occurred during streaming';

const refused = (evidence: ReadEvidence) =>
  evidence.status === 401 || evidence.status === 403 || evidence.bearer?.error === 'invalid_token';
const says = (evidence: ReadEvidence, ...phrases: string[]) => phrases.some((phrase) => evidence.lower.includes(phrase));
const when = (condition: boolean, params: Record<string, string> = {}) => (condition ? params : undefined);

/** The claim a refusal names in parentheses, as the runtime's descriptions do: "client not allowed (client_id x)". */
function namedClaim(words: string): string | undefined {
  const claim = /\((\w+)/.exec(words)?.[1];
  return claim?.toLowerCase();
}

/**
 * One table: each shape the console can explain, with where it was documented. The first row that matches wins, so
 * the specific rows come before the general ones. A shape no row matches is shown as the agent sent it.
 */
const RULES: Rule[] = [
  // --- custom_jwt refusals: 401 (some paths 403) with a Bearer challenge (RFC 6750) or the reason in the body.
  {
    id: 'consumer-auth',
    from: 'gateway',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'consumer authentication failed')),
  },
  {
    id: 'insufficient-scope',
    from: 'runtime',
    source: SOURCES.rfc6750,
    match: (e) => when(e.bearer?.error === 'insufficient_scope', { scope: e.bearer?.scope ?? '' }),
  },
  {
    id: 'token-missing',
    from: 'runtime',
    source: SOURCES.rfc6750,
    match: (e) => when(refused(e) && says(e, 'missing bearer', 'no access token', 'no token', 'missing token', 'missing authorization')),
  },
  {
    id: 'token-id-token',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) => when(refused(e) && says(e, 'id token')),
  },
  {
    id: 'token-expired',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) => when(refused(e) && (namedClaim(e.words) === 'exp' || says(e, 'expired'))),
  },
  {
    id: 'token-not-yet-valid',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) => when(refused(e) && (namedClaim(e.words) === 'nbf' || namedClaim(e.words) === 'iat' || says(e, 'not yet valid'))),
  },
  {
    id: 'token-issuer',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) => when(refused(e) && (namedClaim(e.words) === 'iss' || says(e, 'issuer'))),
  },
  {
    id: 'token-client',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) => when(refused(e) && (namedClaim(e.words) === 'client_id' || says(e, 'client not allowed', 'client_id'))),
  },
  {
    id: 'token-signature',
    from: 'runtime',
    source: SOURCES.inbound,
    match: (e) =>
      when(refused(e) && (['kid', 'alg'].includes(namedClaim(e.words) ?? '') || says(e, 'signature', 'no key', 'keys could not'))),
  },
  // --- outbound auth (consent to a third party): the agent's tool fails, the stream ends with an error frame.
  {
    id: 'consent-timeout',
    from: 'identity',
    source: SOURCES.poller,
    match: (e) => when(says(e, 'oauth2 auth polling timed out', 'auth polling timed out')),
  },
  {
    id: 'provider-redirect',
    from: 'provider',
    source: SOURCES.idp,
    match: (e) => when(/\b20029\b/.test(e.words) || says(e, 'redirect_uri request is illegal')),
  },
  {
    id: 'provider-permission',
    from: 'provider',
    source: SOURCES.idp,
    match: (e) => when(/\b20027\b/.test(e.words) || says(e, 'has not applied for the relevant permissions')),
  },
  {
    id: 'provider-scope',
    from: 'provider',
    source: SOURCES.outbound,
    match: (e) => when(/\b20043\b/.test(e.words) || says(e, 'openid is incorrect')),
  },
  {
    id: 'client-redirect-missing',
    from: 'pool',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'redirect_uri is missing')),
  },
  {
    id: 'credential-provider',
    from: 'identity',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'credential provider not found', 'name is missing or invalid')),
  },
  {
    id: 'workload-token',
    from: 'identity',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'getworkloadaccesstoken')),
  },
  {
    id: 'assume-role',
    from: 'identity',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'assumerole')),
  },
  {
    id: 'callback-code-state',
    from: 'identity',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'missing authorization code or state')),
  },
  {
    id: 'idp-config',
    from: 'pool',
    source: SOURCES.outbound,
    match: (e) => when(says(e, 'external identity provider configuration error')),
  },
  // --- the runtime's bindings: sessions belong to the token's sub; user_id and session_id are plain headers.
  {
    id: 'session-not-found',
    from: 'runtime',
    source: SOURCES.adkRunner,
    match: (e) => when(says(e, 'session not found')),
  },
  {
    id: 'user-refused',
    from: 'runtime',
    source: SOURCES.serverApp,
    match: (e) => when((e.status ?? 0) >= 400 && (e.status ?? 0) < 500 && says(e, 'user_id')),
  },
  {
    id: 'session-refused',
    from: 'runtime',
    source: SOURCES.serverApp,
    match: (e) => when((e.status ?? 0) >= 400 && (e.status ?? 0) < 500 && says(e, 'session_id')),
  },
  // The general refusal after the specific ones: some invalid_token without a reason the console knows.
  {
    id: 'token-invalid',
    from: 'runtime',
    source: SOURCES.rfc6750,
    match: (e) => when(e.bearer?.error === 'invalid_token', { detail: e.bearer?.description ?? '' }),
  },
  // --- failures of the agent's own code, as each kind of AgentKit app reports them mid-stream.
  {
    id: 'execution-hidden',
    from: 'runtime',
    source: SOURCES.serverApp,
    match: (e) => when(e.lower.trim() === 'agent execution failed'),
  },
  {
    id: 'stream-exception',
    from: 'agent',
    source: SOURCES.simpleApp,
    match: (e) => {
      if (!says(e, GENERIC_STREAM_MESSAGE)) return undefined;
      // The generic message says nothing; the frame's error field holds the exception (error_type its class).
      const said = e.texts.filter((text) => text.toLowerCase() !== GENERIC_STREAM_MESSAGE);
      return { detail: said[0] ?? '', type: said[1] ?? '' };
    },
  },
];

function read(evidence: FailureEvidence): ReadEvidence {
  const bearer = bearerError(evidence.challenge);
  const words = [...evidence.texts, bearer?.description ?? ''].filter(Boolean).join('\n').slice(0, MAX_WORDS);
  const texts = evidence.texts.map((text) => text.slice(0, MAX_WORDS));
  return { status: evidence.status, ...(bearer ? { bearer } : {}), texts, words, lower: words.toLowerCase() };
}

/** The first row that explains this evidence, or undefined: the console then shows what was sent, as it was. */
export function explainFailure(evidence: FailureEvidence): Explanation | undefined {
  const read_ = read(evidence);
  for (const rule of RULES) {
    const params = rule.match(read_);
    if (params) return { id: rule.id, from: rule.from, source: rule.source, params };
  }
  return undefined;
}

/** Every row, for the tests and the README: one id per shape, each with a source. */
export function explanationRows(): readonly Pick<Rule, 'id' | 'from' | 'source'>[] {
  return RULES.map(({ id, from, source }) => ({ id, from, source }));
}

/**
 * The words of an SSE error frame, whichever AgentKit app sent it: `{"error": "…"}` (agent server app),
 * `{"error", "error_type", "message"}` (simple app: the exception is `error`, `message` is generic), or
 * `{"error": {"message", "type"}}`. Undefined for a frame that is no error.
 */
export function errorFrameTexts(frame: unknown): string[] | undefined {
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || !Object.hasOwn(frame, 'error')) return undefined;
  const record = frame as Record<string, unknown>;
  const texts: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value) texts.push(value.slice(0, 2_000));
  };
  const error = record.error;
  if (isRecord(error)) {
    add(Object.hasOwn(error, 'message') ? error.message : undefined);
    add(Object.hasOwn(error, 'type') ? error.type : undefined);
  } else add(error);
  add(Object.hasOwn(record, 'error_type') ? record.error_type : undefined);
  add(Object.hasOwn(record, 'message') ? record.message : undefined);
  return texts;
}
