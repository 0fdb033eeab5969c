import { randomUUID } from 'node:crypto';

export interface IngestLoadOptions {
  readonly apiUrl: () => string;
  readonly applicationId: string;
  readonly token: string;
  readonly eventType: string;
  readonly labels: Record<string, string>;
  readonly count: number;
  readonly concurrency: number;
  /** Called after each 201, with how many were accepted so far. */
  readonly onAccepted?: (accepted: number) => void;
}

/**
 * Sends `count` events at `concurrency`, each with its own event_id. Only a 201 counts as accepted; a
 * request that fails (the API died, RabbitMQ or PostgreSQL is away) is not retried, so the accepted list
 * is exactly what the server promised to deliver.
 */
export async function ingestLoad(options: IngestLoadOptions): Promise<{ accepted: string[]; refused: number }> {
  const accepted: string[] = [];
  let refused = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      next += 1;
      const eventId = randomUUID();
      try {
        const response = await fetch(`${options.apiUrl()}/api/v1/event`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({
            application_id: options.applicationId,
            event_id: eventId,
            event_type: options.eventType,
            payload: JSON.stringify({ n: next }),
            payload_content_type: 'application/json',
            occurred_at: new Date().toISOString(),
            labels: options.labels,
          }),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.status === 201) {
          accepted.push(eventId);
          options.onAccepted?.(accepted.length);
        } else refused += 1;
      } catch {
        refused += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { accepted, refused };
}
