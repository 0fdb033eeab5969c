import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

export type Fact = readonly [name: string, value: ReactNode];

/** Named values, one row each (name as the row header), scrolling sideways on a narrow screen. */
interface FactsTableProps {
  readonly facts: readonly Fact[];
  /** What the facts are about, for screen readers (the caption, when there is one). */
  readonly label: string;
  readonly caption?: string;
}

export function FactsTable({ facts, label, caption }: FactsTableProps) {
  return (
    <TableScroll label={label}>
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
    </TableScroll>
  );
}
