import { keyValuePairs } from './events-filter';

/** Labels or metadata as `key=value` pairs; "None" when there are none. */
export function KeyValues({ map }: { readonly map: Record<string, string> | null | undefined }) {
  const pairs = keyValuePairs(map);
  if (pairs.length === 0) return <>None</>;
  return (
    <ul className="key-values">
      {pairs.map((pair) => (
        <li key={pair}>
          <code>{pair}</code>
        </li>
      ))}
    </ul>
  );
}
