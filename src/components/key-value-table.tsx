import type { ReactNode } from 'react';
import './key-value-table.css';
import './data-table.css';

export interface KeyValueRow {
  name: string;
  value: ReactNode;
  /** A third column (what the key means), when the table has one. */
  note?: ReactNode;
  highlight?: boolean;
}

/** A table of named values, one row per key (claims, token header fields): the key is the row's header. */
export function KeyValueTable({ label, headings, rows }: { label: string; headings: string[]; rows: KeyValueRow[] }) {
  const withNotes = headings.length > 2;
  return (
    <table className="data-table kv-table" aria-label={label}>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className={row.highlight ? 'kv-key' : undefined} data-claim={row.name}>
            <th scope="row">{row.name}</th>
            <td>{row.value}</td>
            {withNotes && <td className="kv-note">{row.note}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
