import type { Schemas } from '../../api/client';
import { TimeText } from '../../components/time-text';
import { KeyValues } from './key-values';
import { FactsTable, type Fact } from '../../components/facts-table';

/** What was stored about the event besides its payload. */
export function EventDetails({ event }: { readonly event: Schemas['Event'] }) {
  const rows: Fact[] = [
    ['Event id', <code key="id">{event.event_id}</code>],
    ['Event type', event.event_type_name],
    ['Occurred', <TimeText key="occurred" value={event.occurred_at} />],
    ['Received', <TimeText key="received" value={event.received_at} />],
    ['Labels', <KeyValues key="labels" map={event.labels} />],
    ['Metadata', <KeyValues key="metadata" map={event.metadata} />],
    ['Source IP', event.ip ? <code key="ip">{event.ip}</code> : 'Not recorded'],
    ['Payload content type', <code key="type">{event.payload_content_type}</code>],
  ];
  return <FactsTable facts={rows} label="Event" />;
}
