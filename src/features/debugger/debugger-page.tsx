import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { td } from '../../i18n/debugger.ts';

export { debuggerTextsReady } from '../../i18n/debugger.ts';
export type { DebuggerSession } from './components/ask-pool-panel.tsx';

import type { FlowTrace } from '../../lib/flow-trace.ts';
import { discoveryUrlOf } from '../../lib/http-probe.ts';
import { claimsOf, normaliseToken } from '../../lib/jwt.ts';
import { regionOf } from '../../lib/pool-address.ts';
import { useNow } from '../../lib/use-now.ts';
import { compareTokens } from './compare-claims.ts';
import { AskPoolPanel, type DebuggerSession } from './components/ask-pool-panel.tsx';
import { ComparePanel } from './components/compare-panel.tsx';
import { CopyBlock } from './components/copy-block.tsx';
import { DecodedView, invalidMessage } from './components/decoded-view.tsx';
import { ExplainPanel } from './components/explain-panel.tsx';
import { FlowInspector } from './components/flow-inspector.tsx';
import { GatewayPanel } from './components/gateway-panel.tsx';
import { RegionChecklist } from './components/region-checklist.tsx';
import { SignaturePanel } from './components/signature-panel.tsx';
import { TokenInput } from './components/token-input.tsx';
import { VerdictPanel } from './components/verdict-panel.tsx';
import { WhoIsActing } from './components/who-is-acting.tsx';
import { debuggerSearch, readDebuggerQuery } from './debugger-url.ts';
import { discoveryFormNote, formMismatch } from './discovery-form.ts';
import { type GatewaySettings, gatewayYaml, gatewayYamlWarnings, targetDifferences } from './gateway-verdict.ts';
import { agentkitYaml, type RuntimeSettings, verdictOf, withReportedFailure } from './runtime-verdict.ts';
import { settingsWarnings } from './settings-warnings.ts';
import { fetchPermission, webOrigin } from './trust.ts';
import { useSignature } from './use-signature.ts';
import { usePreviousToken, useTokenVerdict } from './use-token-verdict.ts';
import './debugger.css';

export interface DebuggerPageProps {
  issuer: string;
  clientId: string;
  /** TRUSTED_ISSUERS: the only other issuers whose keys may be fetched (after a click). */
  trustedIssuers?: readonly string[];
  accessToken?: string;
  idToken?: string;
  flow: FlowTrace;
  /** The console's session, for the debugger to renew (or end) after it revoked the session's own access token. */
  session?: DebuggerSession;
}

const NEAR_NOW_SECONDS = 300;

function useClockNote(flow: FlowTrace, payload: Record<string, unknown> | undefined, now: number): string | undefined {
  const items = useSyncExternalStore(flow.subscribe, flow.getItems);
  const offset = [...items].reverse().find((item) => item.kind === 'tokens' && item.clockOffsetSeconds !== undefined);
  if (!payload || !offset || offset.kind !== 'tokens' || !offset.clockOffsetSeconds) return undefined;
  const near = ['exp', 'nbf', 'iat'].some(
    (claim) => typeof payload[claim] === 'number' && Math.abs((payload[claim] as number) - now / 1000) < NEAR_NOW_SECONDS,
  );
  return near ? td('clock', { offset: offset.clockOffsetSeconds }) : undefined;
}

/** The token debugger: decode, verify the signature in the browser, and the custom_jwt verdict. Lazy-loaded. */
export default function DebuggerPage({ issuer, clientId, trustedIssuers = [], accessToken, idToken, flow, session }: DebuggerPageProps) {
  const defaults: RuntimeSettings = { discoveryUrl: discoveryUrlOf(issuer), allowedClients: [clientId] };
  const [initial] = useState(() => readDebuggerQuery(window.location.search, defaults, window.history.state));
  const [settings, setSettings] = useState(initial.settings);
  // The gateway's own AllowedClients; undefined while they follow the runtime's list.
  const [gatewayClients, setGatewayClients] = useState(initial.gatewayClients);
  const gateway: GatewaySettings = { discoveryUrl: settings.discoveryUrl, allowedClients: gatewayClients ?? settings.allowedClients };
  const [input, setInput] = useState('');
  const [second, setSecond] = useState('');
  const [keyText, setKeyText] = useState('');
  const [took, setTook] = useState(false);
  // Origins other than the pool's that the user clicked to fetch from, for this page's life only.
  const [approved, setApproved] = useState<ReadonlySet<string>>(() => new Set());
  const approve = (origin: string) => setApproved((current) => new Set([...current, origin]));
  const ticked = useNow();
  // A token is judged at the moment it was given, not at the last tick up to a second before: a token issued
  // this very second would otherwise read as not valid yet (nbf in the future).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the moment the tokens changed
  const givenAt = useMemo(() => Date.now(), [input, second]);
  const now = Math.max(ticked, givenAt);

  // ?token=access|id takes the current token from memory (the 401 message links here that way).
  useEffect(() => {
    if (took || !initial.take) return;
    const token = initial.take === 'id' ? idToken : accessToken;
    if (token) {
      setInput(token);
      setTook(true);
    }
  }, [took, initial.take, accessToken, idToken]);

  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${debuggerSearch(settings, undefined, gatewayClients)}`,
    );
  }, [settings, gatewayClients]);

  const runtimePermission = fetchPermission(settings.discoveryUrl, issuer, trustedIssuers, approved);
  const first = useTokenVerdict(input, settings, gateway, runtimePermission, now);
  const { token, decoded, jwt } = first;
  const iss = typeof jwt?.payload.iss === 'string' ? webOrigin(jwt.payload.iss) && jwt.payload.iss : undefined;
  const signatureDiscovery = discoveryUrlOf(iss && iss !== issuer ? iss : issuer);
  const signaturePermission = fetchPermission(signatureDiscovery, issuer, trustedIssuers, approved);
  const signature = useSignature({
    token,
    header: jwt?.header,
    discoveryUrl: signatureDiscovery,
    permission: signaturePermission,
    pastedKey: keyText.trim() ? keyText : undefined,
  });
  const warnings = settingsWarnings(settings, runtimePermission, issuer);

  // The agent's reason applies to the token it refused: the current one the link loaded, not a pasted other.
  const reason = took && input === (initial.take === 'id' ? idToken : accessToken) ? initial.reason : undefined;
  const checks = first.checks && withReportedFailure(first.checks, reason);
  const secondVerdict = useTokenVerdict(second, settings, gateway, runtimePermission, now);
  const verdict = checks && verdictOf(checks);
  const gatewayVerdict = first.gatewayChecks && verdictOf(first.gatewayChecks);
  const formNote = discoveryFormNote(settings.discoveryUrl);
  const mismatch = formMismatch(jwt?.payload.iss, settings.discoveryUrl);
  const previous = usePreviousToken(accessToken);
  const comparison = jwt && secondVerdict.jwt ? compareTokens(jwt, secondVerdict.jwt) : undefined;
  const clockNote = useClockNote(flow, jwt?.payload, now);
  const problem = input.trim() ? invalidMessage(decoded, normaliseToken(input).split('.').length) : undefined;
  const poolHost = webOrigin(issuer)?.host ?? issuer;
  // The user_id header the console sends beside its access token: the signed-in user's sub (see agent-auth.ts).
  const sessionSub = accessToken ? claimsOf(idToken)?.sub : undefined;
  const userIdHeader = typeof sessionSub === 'string' ? sessionSub : undefined;
  const elsewhere = signaturePermission.kind === 'ask' || signaturePermission.kind === 'approved' ? signaturePermission.host : undefined;

  return (
    <div className="debugger">
      <h1>{td('title')}</h1>
      <p className="meta">{td('intro')}</p>
      <p className="meta">
        <a href="#checklist">{td('checklistTitle')}</a>
      </p>
      <TokenInput input={input} onInput={setInput} accessToken={accessToken} idToken={idToken} problem={problem} />
      <div className="debugger-columns">
        <div className="side">
          {jwt && (
            <ErrorBoundary part="decoded" resetKey={token}>
              <section className="panel">
                <DecodedView decoded={jwt} now={now} />
                <WhoIsActing payload={jwt.payload} userIdHeader={userIdHeader} />
              </section>
            </ErrorBoundary>
          )}
          {jwt && (
            <ErrorBoundary part="signature" resetKey={token}>
              <SignaturePanel
                result={signature.result}
                source={keyText.trim() ? td('pastedKey') : signatureDiscovery}
                keyText={keyText}
                onKeyText={setKeyText}
                permission={keyText.trim() ? { kind: 'pool' } : signaturePermission}
                onApprove={approve}
                elsewhere={elsewhere && !keyText.trim() ? { host: elsewhere, pool: poolHost } : undefined}
              />
            </ErrorBoundary>
          )}
          {jwt && (
            <ErrorBoundary part="compare" resetKey={`${token}|${secondVerdict.token}`}>
              <ComparePanel
                second={second}
                onSecond={setSecond}
                previous={previous}
                comparison={comparison}
                problem={second.trim() ? invalidMessage(secondVerdict.decoded, normaliseToken(second).split('.').length) : undefined}
                targets={[
                  { name: td('runtimeTarget'), first: verdict, second: secondVerdict.checks && verdictOf(secondVerdict.checks) },
                  {
                    name: td('gatewayTarget'),
                    first: gatewayVerdict,
                    second: secondVerdict.gatewayChecks && verdictOf(secondVerdict.gatewayChecks),
                  },
                ]}
              />
            </ErrorBoundary>
          )}
          <ErrorBoundary part="pool" resetKey={token}>
            <AskPoolPanel
              key={token}
              token={token}
              payload={jwt?.payload}
              issuer={issuer}
              clientId={clientId}
              isSessionToken={!!accessToken && token === accessToken}
              session={session}
            />
          </ErrorBoundary>
        </div>
        <div className="side">
          <ErrorBoundary part="verdict" resetKey={token}>
            <VerdictPanel
              settings={settings}
              onSettings={setSettings}
              checks={checks}
              verdict={verdict}
              formNote={formNote}
              mismatch={mismatch}
              warnings={warnings}
              permission={runtimePermission}
              onApprove={approve}
              clockNote={clockNote}
            />
            <CopyBlock title={td('yaml')} text={agentkitYaml(settings, warnings.yaml)} warnings={warnings.yaml} />
          </ErrorBoundary>
          <ErrorBoundary part="gateway" resetKey={token}>
            <GatewayPanel
              clients={gateway.allowedClients}
              onClients={setGatewayClients}
              checks={first.gatewayChecks}
              verdict={gatewayVerdict}
              differences={targetDifferences({ settings, verdict }, { settings: gateway, verdict: gatewayVerdict })}
              formNote={formNote}
              offPoolHost={warnings.offPoolHost}
            />
            <CopyBlock
              title={td('gatewayYaml')}
              text={gatewayYaml(gateway, gatewayYamlWarnings(gateway, warnings))}
              warnings={gatewayYamlWarnings(gateway, warnings)}
            />
          </ErrorBoundary>
          <ErrorBoundary part="explain">
            <ExplainPanel reason={initial.reason} region={regionOf(issuer)} />
          </ErrorBoundary>
          <ErrorBoundary part="flow">
            <FlowInspector flow={flow} />
          </ErrorBoundary>
        </div>
      </div>
      <ErrorBoundary part="checklist">
        <RegionChecklist issuer={issuer} />
      </ErrorBoundary>
    </div>
  );
}
