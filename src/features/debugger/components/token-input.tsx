import { td } from '../../../i18n/debugger.ts';

interface TokenInputProps {
  input: string;
  onInput: (text: string) => void;
  accessToken?: string;
  idToken?: string;
  problem?: string;
}

export function TokenInput({ input, onInput, accessToken, idToken, problem }: TokenInputProps) {
  return (
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
        onChange={(event) => onInput(event.target.value)}
      />
      <p className="buttons">
        {accessToken && (
          <button type="button" className="quiet" onClick={() => onInput(accessToken)}>
            {td('useAccess')}
          </button>
        )}
        {idToken && (
          <button type="button" className="quiet" onClick={() => onInput(idToken)}>
            {td('useId')}
          </button>
        )}
        <button type="button" className="quiet" onClick={() => onInput('')}>
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
  );
}
