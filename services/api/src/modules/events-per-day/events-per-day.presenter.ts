import type { EventsPerDay } from './events-per-day.service';

export function toEventsPerDayView({ rows, today }: EventsPerDay) {
  return rows.map((row) => ({
    application_id: row.applicationId,
    application_name: row.applicationName,
    date: row.date,
    amount: row.amount,
    is_provisional: row.date === today,
  }));
}
