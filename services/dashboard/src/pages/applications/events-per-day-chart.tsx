import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayCount } from './events-per-day';

/**
 * The bars only: hidden from assistive technology, since the sentence and the table beside it give the same numbers
 * in words (and the chart takes no focus).
 */
export function EventsPerDayChart({ days }: { readonly days: readonly DayCount[] }) {
  return (
    <div className="events-chart" aria-hidden="true">
      <BarChart responsive accessibilityLayer={false} data={[...days]} style={{ width: '100%', height: '100%' }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(date: string) => date.slice(5)} minTickGap={12} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip formatter={(amount) => [amount, 'Events']} labelFormatter={(date) => `${String(date)} (UTC)`} />
        <Bar dataKey="amount" name="Events" fill="var(--pico-primary-background)" />
      </BarChart>
    </div>
  );
}
