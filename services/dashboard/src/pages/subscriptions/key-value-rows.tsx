import { EMPTY_ROW, type KeyValueRow } from './subscription-form';

interface KeyValueRowsProps {
  readonly legend: string;
  /** What one row is called in its buttons: "label" gives "Add label" and "Remove label 2". */
  readonly noun: string;
  readonly nameLabel: string;
  readonly valueLabel: string;
  readonly rows: readonly KeyValueRow[];
  readonly onChange: (rows: KeyValueRow[]) => void;
  readonly required?: boolean;
  readonly invalid?: boolean;
  readonly hint?: string;
}

/** Editable name/value pairs (labels, headers), a row each, with buttons to add and remove rows. */
export function KeyValueRows({ legend, noun, nameLabel, valueLabel, rows, onChange, required, invalid, hint }: KeyValueRowsProps) {
  const update = (index: number, change: Partial<KeyValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const ariaInvalid = invalid ? true : undefined;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint ? <small>{hint}</small> : null}
      {rows.map((row, index) => (
        // Rows are controlled inputs without an identity of their own: the index is their key.
        <div className="grid key-value-row" key={index}>
          <label>
            {nameLabel}
            <input
              value={row.name}
              required={required}
              aria-invalid={ariaInvalid}
              onChange={(e) => update(index, { name: e.target.value })}
            />
          </label>
          <label>
            {valueLabel}
            <input
              value={row.value}
              required={required}
              aria-invalid={ariaInvalid}
              onChange={(e) => update(index, { value: e.target.value })}
            />
          </label>
          <button type="button" className="secondary outline" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove {noun} {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, EMPTY_ROW])}>
        Add {noun}
      </button>
    </fieldset>
  );
}
