import { tx, useExplainTexts } from '../i18n/agentkit-errors.ts';
import type { Explanation } from '../lib/agentkit-errors.ts';
import { outboundCallbackOf } from '../lib/pool-address.ts';
import './failure-explanation.css';

/**
 * The cause and the fix of a failure the explainer table knows, under the failure itself (chat) or under a pasted
 * error (debugger). `region` fills the identity service's callback into the fixes that name it.
 */
export function FailureExplanation({ explanation, region }: { explanation: Explanation; region?: string }) {
  useExplainTexts();
  const params = { ...explanation.params, callback: outboundCallbackOf(region) };
  return (
    <div className="explanation" data-explanation={explanation.id}>
      <p>
        <strong>{tx('why')}</strong> {tx(`${explanation.id}.cause`, params)}
      </p>
      <p>
        <strong>{tx('fix')}</strong> {tx(`${explanation.id}.fix`, params)}
      </p>
      <p className="meta">
        {tx('sentBy', { sender: tx(`from.${explanation.from}`) })} ·{' '}
        <a href={explanation.source} target="_blank" rel="noopener noreferrer">
          {tx('source')}
        </a>
      </p>
    </div>
  );
}
