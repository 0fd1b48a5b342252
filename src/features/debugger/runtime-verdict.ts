import { td } from '../../i18n/debugger.ts';
import { MISSING_ALG, type SignatureResult } from './verify-signature.ts';

/** What agentkit.yaml says for inbound auth: runtime_jwt_discovery_url and runtime_jwt_allowed_clients. */
export interface RuntimeSettings {
  discoveryUrl: string;
  /** Empty: any client of the pool is allowed. */
  allowedClients: string[];
}

/** The claims each target checks; `AllowedClients` is the gateway's own limit on its setting (see gateway-verdict.ts). */
export type CheckName = 'signature' | 'iss' | 'client_id' | 'exp' | 'nbf' | 'AllowedClients';

/** ok: undefined while it cannot be decided yet (keys or discovery still loading). */
export interface Check {
  name: CheckName;
  ok: boolean | undefined;
  detail: string;
}

export type Verdict = { kind: 'accepted' } | { kind: 'rejected'; failing: CheckName[] } | { kind: 'pending' };

export function signatureCheck(signature: SignatureResult | undefined): Check {
  if (!signature) return { name: 'signature', ok: undefined, detail: td('checkSignaturePending') };
  switch (signature.status) {
    case 'verified':
      return {
        name: 'signature',
        ok: true,
        detail: signature.kid
          ? td('checkVerifiedKid', { alg: signature.alg, kid: signature.kid })
          : td('checkVerified', { alg: signature.alg }),
      };
    case 'invalid':
      return { name: 'signature', ok: false, detail: td('checkInvalid') };
    case 'no-key':
      return { name: 'signature', ok: false, detail: td('checkNoKey', { kid: signature.kid ?? td('noKid') }) };
    case 'fetch-failed':
      return {
        name: 'signature',
        ok: undefined,
        detail: td('checkFetchFailed', { url: signature.url }),
      };
    case 'no-jwks-uri':
      return { name: 'signature', ok: undefined, detail: td('checkNoJwksUri', { url: signature.url }) };
    case 'bad-url':
      return { name: 'signature', ok: undefined, detail: td('checkBadUrl', { url: signature.url }) };
    case 'awaiting-approval':
      return { name: 'signature', ok: undefined, detail: td('checkAwaiting', { host: signature.host }) };
    case 'unlisted':
      return { name: 'signature', ok: undefined, detail: td('checkUnlisted', { host: signature.host }) };
    case 'alg-none':
      return { name: 'signature', ok: false, detail: td('algNone') };
    case 'unsupported':
      return {
        name: 'signature',
        ok: false,
        detail: signature.alg === MISSING_ALG ? td('algMissing') : td('checkUnsupported', { alg: signature.alg }),
      };
    case 'bad-key':
      return { name: 'signature', ok: undefined, detail: signature.detail };
  }
}

export function issuerCheck(iss: unknown, discoveryIssuer: string | undefined): Check {
  if (discoveryIssuer === undefined) return { name: 'iss', ok: undefined, detail: td('checkIssPending') };
  if (iss === discoveryIssuer) return { name: 'iss', ok: true, detail: td('checkIssOk', { issuer: discoveryIssuer }) };
  return {
    name: 'iss',
    ok: false,
    detail:
      iss === undefined
        ? td('checkIssMissing', { issuer: discoveryIssuer })
        : td('checkIssWrong', { iss: JSON.stringify(iss), issuer: discoveryIssuer }),
  };
}

export function clientCheck(clientId: unknown, allowed: string[]): Check {
  if (allowed.length === 0) return { name: 'client_id', ok: true, detail: td('checkAnyClient') };
  if (typeof clientId === 'string' && allowed.includes(clientId))
    return { name: 'client_id', ok: true, detail: td('checkClientOk', { client: clientId }) };
  return {
    name: 'client_id',
    ok: false,
    detail:
      typeof clientId === 'string'
        ? td('checkClientWrong', { client: clientId, allowed: allowed.join(', ') })
        : td('checkClientMissing', { allowed: allowed.join(', ') }),
  };
}

export function expiryCheck(exp: unknown, nowSeconds: number): Check {
  if (typeof exp !== 'number') return { name: 'exp', ok: false, detail: td('checkExpMissing') };
  if (exp <= nowSeconds) return { name: 'exp', ok: false, detail: td('checkExpired', { seconds: Math.round(nowSeconds - exp) }) };
  return { name: 'exp', ok: true, detail: td('checkExpOk', { seconds: Math.round(exp - nowSeconds) }) };
}

export function notBeforeCheck(nbf: unknown, nowSeconds: number): Check {
  if (nbf === undefined) return { name: 'nbf', ok: true, detail: td('checkNbfMissing') };
  if (typeof nbf !== 'number') return { name: 'nbf', ok: false, detail: td('checkNbfNotNumber') };
  if (nbf > nowSeconds) return { name: 'nbf', ok: false, detail: td('checkNbfFuture', { seconds: Math.round(nbf - nowSeconds) }) };
  return { name: 'nbf', ok: true, detail: td('checkNbfOk') };
}

/** Every check the AgentKit gateway makes with runtime_auth_type custom_jwt, in its order. */
export function runtimeChecks(input: {
  payload: Record<string, unknown>;
  signature: SignatureResult | undefined;
  discoveryIssuer: string | undefined;
  settings: RuntimeSettings;
  nowMs: number;
}): Check[] {
  const now = input.nowMs / 1000;
  return [
    signatureCheck(input.signature),
    issuerCheck(input.payload.iss, input.discoveryIssuer),
    clientCheck(input.payload.client_id, input.settings.allowedClients),
    expiryCheck(input.payload.exp, now),
    notBeforeCheck(input.payload.nbf, now),
  ];
}

/** Which check a runtime error_description is about: "client not allowed (client_id x)" → client_id. */
export function reportedCheck(reason: string): CheckName {
  const claim = /\((\w+)/.exec(reason)?.[1];
  if (claim === 'iss' || claim === 'client_id' || claim === 'exp' || claim === 'nbf') return claim;
  return 'signature';
}

/** The runtime's own refusal outranks what this browser could check (keys it cannot fetch, another allowed list). */
export function withReportedFailure(checks: Check[], reason: string | undefined): Check[] {
  if (!reason) return checks;
  const name = reportedCheck(reason);
  return checks.map((check) =>
    check.name === name && check.ok !== false ? { ...check, ok: false, detail: td('reportedByAgent', { reason }) } : check,
  );
}

export function verdictOf(checks: Check[]): Verdict {
  const failing = checks.filter((check) => check.ok === false).map((check) => check.name);
  if (failing.length > 0) return { kind: 'rejected', failing };
  return checks.every((check) => check.ok === true) ? { kind: 'accepted' } : { kind: 'pending' };
}

/** A plain YAML scalar when that cannot be misread, else a double-quoted one (JSON's string syntax is valid YAML). */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9][\w.~:/?#@!$&()*+,;=%-]*$/.test(value)) return value;
  // YAML 1.1 also breaks lines at NEL, LS and PS, which JSON leaves raw.
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The inbound auth block of agentkit.yaml for these settings; `warnings` become comments, so a copy carries them. */
export function agentkitYaml(settings: RuntimeSettings, warnings: string[] = []): string {
  const clients = settings.allowedClients.length
    ? `\n${settings.allowedClients.map((client) => `    - ${yamlScalar(client)}`).join('\n')}`
    : ' []';
  return [
    ...warnings.map((warning) => `# WARNING: ${warning.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`),
    'launch_types:',
    '  cloud:',
    '    runtime_auth_type: custom_jwt',
    `    runtime_jwt_discovery_url: ${yamlScalar(settings.discoveryUrl)}`,
    `    runtime_jwt_allowed_clients:${clients}`,
  ].join('\n');
}

/** A verdict in words, as the verdict line says it: "Accepted", "Rejected (failing: exp)", "Not decided yet". */
export function verdictSummary(verdict: Verdict): string {
  if (verdict.kind === 'accepted') return td('accepted');
  if (verdict.kind === 'rejected') return `${td('rejected')} (${td('rejectedBy', { claims: verdict.failing.join(', ') })})`;
  return td('pending');
}
