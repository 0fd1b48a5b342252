import { useContext, useState } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ConfigContext } from '../../../config/config-context.ts';
import { td } from '../../../i18n/debugger.ts';
import { regionOf } from '../../../lib/pool-address.ts';
import { checklistValues } from '../checklist.ts';
import '../../../components/data-table.css';

/** The values to register in the pool, the identity service and the providers, each with a copy button. */
export function RegionChecklist({ issuer }: { issuer: string }) {
  const config = useContext(ConfigContext);
  const derived = regionOf(issuer);
  const [typed, setTyped] = useState('');
  const region = derived ?? (/^[a-z0-9-]{1,40}$/.test(typed.trim()) ? typed.trim() : undefined);
  const siteUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href;
  const rows = checklistValues({ issuer, redirectUri: config?.redirectUri ?? `${window.location.origin}/callback`, siteUrl, region });
  return (
    <section className="panel" aria-labelledby="checklist-title" id="checklist">
      <h2 id="checklist-title">{td('checklistTitle')}</h2>
      {derived ? (
        <p className="meta" data-testid="checklist-region">
          {td('checklistRegion', { region: derived, issuer })}
        </p>
      ) : (
        <>
          <p className="notice warn" data-testid="checklist-region">
            {td('checklistNoRegion', { issuer })}
          </p>
          <label className="field">
            {td('checklistRegionLabel')}
            <input type="text" value={typed} placeholder="cn-beijing" onChange={(event) => setTyped(event.target.value)} />
          </label>
        </>
      )}
      <table className="data-table" aria-label={td('checklistTable')}>
        <thead>
          <tr>
            <th scope="col">{td('checklistSetting')}</th>
            <th scope="col">{td('value')}</th>
            <th scope="col">{td('checklistWhere')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item, value }) => (
            <tr key={item} data-item={item}>
              <th scope="row">{td(`checklist_${item}`)}</th>
              <td>
                <code>{value}</code> <CopyButton text={value} label={td('copyValue', { name: td(`checklist_${item}`) })} />
              </td>
              <td>{td(`checklistWhere_${item}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
