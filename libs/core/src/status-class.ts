/** An HTTP status as a low-cardinality metric label: `2xx` … `5xx`, or `none` when there was no response. */
export function statusClass(status: number | null): string {
  return status === null ? 'none' : `${Math.floor(status / 100)}xx`;
}
