/** A time from the API in this browser's locale and time zone; the exact value stays in `dateTime` and the tooltip. */
export function TimeText({ value, fallback = '—' }: { readonly value: string | null | undefined; readonly fallback?: string }) {
  if (!value) return <>{fallback}</>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time dateTime={value} title={value}>
      {date.toLocaleString()}
    </time>
  );
}
