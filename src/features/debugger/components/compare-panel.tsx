import { td } from '../../../i18n/debugger.ts';
import type { ComparedRow } from '../compare-claims.ts';
import { type Verdict, verdictSummary } from '../runtime-verdict.ts';
import '../../../components/data-table.css';

export interface CompareTarget {
  /** "Runtime (custom_jwt)", "Gateway (CustomJWT)". */
  name: string;
  first?: Verdict;
  second?: Verdict;
}

interface ComparePanelProps {
  second: string;
  onSecond: (text: string) => void;
  /** The access token this page held before the last renewal, if there was one. */
  previous?: string;
  comparison?: { rows: ComparedRow[]; differing: number; more: number };
  problem?: string;
  targets: CompareTarget[];
}

function Value({ value }: { value: string | undefined }) {
  return value === undefined ? <span className="meta">{td('compareAbsent')}</span> : value;
}

/** A second token beside the first: the claims that differ first and highlighted, and each one's verdicts. */
export function ComparePanel({ second, onSecond, previous, comparison, problem, targets }: ComparePanelProps) {
  return (
    <section className="panel" aria-labelledby="compare-title">
      <h2 id="compare-title">{td('compareTitle')}</h2>
      <label className="field">
        {td('compareLabel')}
        <textarea
          rows={3}
          value={second}
          spellCheck={false}
          placeholder={td('comparePlaceholder')}
          onChange={(event) => onSecond(event.target.value)}
        />
      </label>
      <p className="buttons">
        {previous && (
          <button type="button" className="quiet" onClick={() => onSecond(previous)}>
            {td('usePrevious')}
          </button>
        )}
        {second && (
          <button type="button" className="quiet" onClick={() => onSecond('')}>
            {td('clearSecond')}
          </button>
        )}
      </p>
      {problem && <p className="notice warn">{problem}</p>}
      {comparison && (
        <>
          <ul className="compare-verdicts">
            {targets.map((target) => (
              <li key={target.name} data-target={target.name}>
                <strong>{target.name}</strong>:{' '}
                {td('compareVerdicts', {
                  first: target.first ? verdictSummary(target.first) : td('pending'),
                  second: target.second ? verdictSummary(target.second) : td('pending'),
                })}
              </li>
            ))}
          </ul>
          <p className="meta">{td('compareSummary', { count: comparison.differing })}</p>
          <table className="data-table compare-table" aria-label={td('compareTable')}>
            <thead>
              <tr>
                <th scope="col">{td('field')}</th>
                <th scope="col">{td('compareFirst')}</th>
                <th scope="col">{td('compareSecond')}</th>
                <th scope="col">{td('compareSame')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.name} data-claim={row.name} className={row.differs ? 'differs' : undefined}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <Value value={row.first} />
                  </td>
                  <td>
                    <Value value={row.second} />
                  </td>
                  <td>{row.differs ? td('compareDiffers') : td('compareEqual')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {comparison.more > 0 && <p className="meta">{td('compareMore', { count: comparison.more })}</p>}
        </>
      )}
    </section>
  );
}
