import { td } from '../../i18n/debugger.ts';
import {
  type Check,
  clientCheck,
  expiryCheck,
  issuerCheck,
  notBeforeCheck,
  type RuntimeSettings,
  signatureCheck,
  type Verdict,
  verdictSummary,
  yamlScalar,
} from './runtime-verdict.ts';
import type { SignatureResult } from './verify-signature.ts';

/**
 * AgentKit Gateway's inbound CustomJWT (MCP services and toolsets): `CustomJwtAuthorizer {DiscoveryUrl,
 * AllowedClients}` of CreateMCPService / CreateMCPToolset (agentkit-sdk-python `agentkit/sdk/mcp/types.py`).
 * The gateway tutorial (agentkit-samples `02-agentkit-gateway/04_inbound_auth.ipynb`): an empty AllowedClients lets
 * every client of the pool in, and at most 5 clients may be listed. The same tutorial says the gateway also checks
 * scopes and audiences against its policy; no setting of the API names them, so they are not predicted here.
 */
export const GATEWAY_MAX_CLIENTS = 5;

/** The gateway's settings: the same shape as the runtime's, read from its own fields. */
export type GatewaySettings = RuntimeSettings;

export function allowedClientsCheck(allowed: string[]): Check {
  return allowed.length > GATEWAY_MAX_CLIENTS
    ? { name: 'AllowedClients', ok: false, detail: td('gatewayTooMany', { count: allowed.length, max: GATEWAY_MAX_CLIENTS }) }
    : { name: 'AllowedClients', ok: true, detail: td('gatewayClientsOk', { count: allowed.length, max: GATEWAY_MAX_CLIENTS }) };
}

/** The gateway's checks of one token, in the runtime's order, after the check of its own setting. */
export function gatewayChecks(input: {
  payload: Record<string, unknown>;
  signature: SignatureResult | undefined;
  discoveryIssuer: string | undefined;
  settings: GatewaySettings;
  nowMs: number;
}): Check[] {
  const now = input.nowMs / 1000;
  return [
    allowedClientsCheck(input.settings.allowedClients),
    signatureCheck(input.signature),
    issuerCheck(input.payload.iss, input.discoveryIssuer),
    clientCheck(input.payload.client_id, input.settings.allowedClients),
    expiryCheck(input.payload.exp, now),
    notBeforeCheck(input.payload.nbf, now),
  ];
}

/** Where a prediction for the gateway and one for the runtime part, in words; empty when they agree. */
export function targetDifferences(
  runtime: { settings: RuntimeSettings; verdict?: Verdict },
  gateway: { settings: GatewaySettings; verdict?: Verdict },
): string[] {
  const differences: string[] = [];
  const list = (clients: string[]) => (clients.length ? clients.join(', ') : td('anyClientShort'));
  if (gateway.settings.allowedClients.length > GATEWAY_MAX_CLIENTS) {
    differences.push(td('diffTooMany', { count: gateway.settings.allowedClients.length, max: GATEWAY_MAX_CLIENTS }));
  }
  if (runtime.settings.allowedClients.join('\n') !== gateway.settings.allowedClients.join('\n')) {
    differences.push(td('diffClients', { runtime: list(runtime.settings.allowedClients), gateway: list(gateway.settings.allowedClients) }));
  }
  if (runtime.verdict && gateway.verdict && verdictSummary(runtime.verdict) !== verdictSummary(gateway.verdict)) {
    differences.push(td('diffVerdicts', { runtime: verdictSummary(runtime.verdict), gateway: verdictSummary(gateway.verdict) }));
  }
  return differences;
}

/** The warnings the gateway's YAML carries: the settings' own (a link set them, any client) and the gateway's limit. */
export function gatewayYamlWarnings(settings: GatewaySettings, runtime: { yaml: string[] }): string[] {
  const warnings = runtime.yaml.filter((warning) => warning !== td('yamlAnyClient'));
  if (settings.allowedClients.length === 0) warnings.push(td('yamlAnyClient'));
  if (settings.allowedClients.length > GATEWAY_MAX_CLIENTS) {
    warnings.push(td('gatewayTooMany', { count: settings.allowedClients.length, max: GATEWAY_MAX_CLIENTS }));
  }
  return warnings;
}

/** The gateway's inbound auth as CreateMCPService takes it, in YAML; `warnings` become comments. */
export function gatewayYaml(settings: GatewaySettings, warnings: string[] = []): string {
  const clients = settings.allowedClients.length
    ? `\n${settings.allowedClients.map((client) => `        - ${yamlScalar(client)}`).join('\n')}`
    : ' []';
  return [
    ...warnings.map((warning) => `# WARNING: ${warning.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`),
    '# AgentKit Gateway (MCP service or toolset): CreateMCPService / CreateMCPToolset',
    'InboundAuthorizerConfiguration:',
    '  AuthorizerType: CustomJWT',
    '  Authorizer:',
    '    CustomJwtAuthorizer:',
    `      DiscoveryUrl: ${yamlScalar(settings.discoveryUrl)}`,
    `      AllowedClients:${clients}`,
  ].join('\n');
}
