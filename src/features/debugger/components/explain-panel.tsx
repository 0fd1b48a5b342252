import { useMemo, useState } from 'react';
import { FailureExplanation } from '../../../components/failure-explanation.tsx';
import { td } from '../../../i18n/debugger.ts';
import { explainFailure } from '../../../lib/agentkit-errors.ts';
import { parseErrorPaste } from '../error-paste.ts';

/** Shown as pasted, cut here: the panel is for reading, not for storing. */
const SHOWN_CHARS = 4_000;

/**
 * "Explain an error": an answer pasted from a failed call (status, WWW-Authenticate, body or SSE frames) and, when
 * the chat's link opened the debugger, the runtime's reason for refusing the call. A shape the table does not know
 * is shown as it was sent.
 */
export function ExplainPanel({ reason, region }: { reason?: string; region?: string }) {
  const [text, setText] = useState('');
  const pasted = useMemo(() => (text.trim() ? explainFailure(parseErrorPaste(text)) : undefined), [text]);
  const refused = reason ? explainFailure({ status: 401, texts: [reason] }) : undefined;
  return (
    <section className="panel" aria-labelledby="explain-title">
      <h2 id="explain-title">{td('explainTitle')}</h2>
      {reason && (
        <div data-testid="refusal-explained">
          <p>{td('explainRefusal', { reason })}</p>
          {refused && <FailureExplanation explanation={refused} region={region} />}
        </div>
      )}
      <label className="field">
        {td('explainLabel')}
        <textarea
          rows={4}
          value={text}
          spellCheck={false}
          placeholder={td('explainPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {text.trim() && (
        <div className="explain-result" data-testid="explain-result">
          {pasted ? (
            <FailureExplanation explanation={pasted} region={region} />
          ) : (
            <>
              <span className="meta">{td('explainUnknown')}</span>
              <pre>{text.slice(0, SHOWN_CHARS)}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
