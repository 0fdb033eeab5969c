import type { ReactNode } from 'react';

export type Fact = readonly [name: string, value: ReactNode];

/** Named values, one row each (name as the row header), scrolling sideways on a narrow screen. */
export function FactsTable({ facts, caption }: { readonly facts: readonly Fact[]; readonly caption?: string }) {
  return (
    <div className="table-scroll">
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <tbody>
          {facts.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
