import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { td } from '../../i18n/debugger.ts';
import type { FlowTrace } from '../../lib/flow-trace.ts';
import { discoveryUrlOf } from '../../lib/http-probe.ts';
import { decodeToken, normaliseToken } from '../../lib/jwt.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useNow } from '../../lib/use-now.ts';
import { CopyBlock } from './components/copy-block.tsx';
import { DecodedView, invalidMessage } from './components/decoded-view.tsx';
import { FlowInspector } from './components/flow-inspector.tsx';
import { SignaturePanel } from './components/signature-panel.tsx';
import { VerdictPanel } from './components/verdict-panel.tsx';
import { debuggerSearch, readDebuggerQuery } from './debugger-url.ts';
import { agentkitYaml, type RuntimeSettings, runtimeChecks, verdictOf, withReportedFailure } from './runtime-verdict.ts';
import { type KeySource, loadDiscovery, verifySignature } from './verify-signature.ts';

export interface DebuggerPageProps {
  issuer: string;
  clientId: string;
  accessToken?: string;
  idToken?: string;
  flow: FlowTrace;
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
export default function DebuggerPage({ issuer, clientId, accessToken, idToken, flow }: DebuggerPageProps) {
  const defaults: RuntimeSettings = { discoveryUrl: discoveryUrlOf(issuer), allowedClients: [clientId] };
  const [initial] = useState(() => readDebuggerQuery(window.location.search, defaults));
  const [settings, setSettings] = useState(initial.settings);
  const [input, setInput] = useState('');
  const [keyText, setKeyText] = useState('');
  const [took, setTook] = useState(false);
  const now = useNow();

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
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${debuggerSearch(settings)}`);
  }, [settings]);

  const token = normaliseToken(input.length > 70_000 ? '' : input);
  const decoded = useMemo(() => decodeToken(input), [input]);
  const jwt = decoded.kind === 'jwt' ? decoded : undefined;
  const tokenIssuer = typeof jwt?.payload.iss === 'string' && /^https?:\/\//.test(jwt.payload.iss) ? jwt.payload.iss : undefined;
  const signatureSource: KeySource = keyText.trim()
    ? { kind: 'pasted', text: keyText }
    : { kind: 'discovery', discoveryUrl: discoveryUrlOf(tokenIssuer && tokenIssuer !== issuer ? tokenIssuer : issuer) };
  const sourceKey = signatureSource.kind === 'pasted' ? `key:${keyText}` : signatureSource.discoveryUrl;

  const signature = useAsync(jwt ? () => verifySignature(token, jwt.header, signatureSource) : undefined, `${token}|${sourceKey}`);
  const runtimeSource: KeySource = { kind: 'discovery', discoveryUrl: settings.discoveryUrl };
  const runtimeSignature = useAsync(
    jwt ? () => verifySignature(token, jwt.header, runtimeSource) : undefined,
    `${token}|${settings.discoveryUrl}`,
  );
  const discovery = useAsync(
    () =>
      loadDiscovery(settings.discoveryUrl).then(
        (document) => ({ issuer: document.issuer as string | undefined }),
        () => ({ issuer: undefined }),
      ),
    settings.discoveryUrl,
  );

  // The agent's reason applies to the token it refused: the current one the link loaded, not a pasted other.
  const reason = took && input === (initial.take === 'id' ? idToken : accessToken) ? initial.reason : undefined;
  const checks = jwt
    ? withReportedFailure(
        runtimeChecks({ payload: jwt.payload, signature: runtimeSignature, discoveryIssuer: discovery?.issuer, settings, nowMs: now }),
        reason,
        td('reportedByAgent'),
      )
    : undefined;
  const clockNote = useClockNote(flow, jwt?.payload, now);
  const problem = input.trim() ? invalidMessage(decoded, normaliseToken(input).split('.').length) : undefined;

  return (
    <div className="debugger">
      <h1>{td('title')}</h1>
      <p className="meta">{td('intro')}</p>
      <section className="panel">
        <label className="field" htmlFor="debugger-token">
          {td('tokenLabel')}
        </label>
        <textarea
          id="debugger-token"
          rows={5}
          value={input}
          spellCheck={false}
          placeholder={td('tokenPlaceholder')}
          onChange={(event) => setInput(event.target.value)}
        />
        <p className="buttons">
          {accessToken && (
            <button type="button" className="quiet" onClick={() => setInput(accessToken)}>
              {td('useAccess')}
            </button>
          )}
          {idToken && (
            <button type="button" className="quiet" onClick={() => setInput(idToken)}>
              {td('useId')}
            </button>
          )}
          <button type="button" className="quiet" onClick={() => setInput('')}>
            {td('clear')}
          </button>
        </p>
        {!input.trim() && <p className="meta">{td('empty')}</p>}
        {problem && (
          <p className="notice warn" role="alert">
            {problem}
          </p>
        )}
      </section>
      <div className="workspace">
        <div className="side">
          {jwt && (
            <section className="panel">
              <DecodedView decoded={jwt} now={now} />
            </section>
          )}
          {jwt && (
            <SignaturePanel
              result={signature}
              source={signatureSource.kind === 'pasted' ? 'pasted key' : signatureSource.discoveryUrl}
              keyText={keyText}
              onKeyText={setKeyText}
            />
          )}
        </div>
        <div className="side">
          <VerdictPanel
            settings={settings}
            onSettings={setSettings}
            checks={checks}
            verdict={checks && verdictOf(checks)}
            clockNote={clockNote}
          />
          <CopyBlock title={td('yaml')} text={agentkitYaml(settings)} />
          <FlowInspector flow={flow} />
        </div>
      </div>
    </div>
  );
}
