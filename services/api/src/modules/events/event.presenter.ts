import type { EventEntity } from '@hook0/db';

export function toEventSummaryView(event: EventEntity) {
  return {
    event_id: event.eventId,
    event_type_name: event.eventTypeName,
    payload_content_type: event.payloadContentType,
    ip: event.ip,
    metadata: event.metadata,
    occurred_at: event.occurredAt,
    received_at: event.receivedAt,
    labels: event.labels,
  };
}

/** The stored bytes, always as standard base64, whatever the content type (docs/hook0-compatibility.md "Events"). */
export function toEventView(event: EventEntity) {
  return { ...toEventSummaryView(event), payload: event.payload.toString('base64') };
}
