import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { useEventTypes } from './application-queries';
import { CreateEventTypeForm } from './create-event-type-form';
import { DeleteEventTypeButton } from './delete-event-type-button';
import { TableScroll } from '../../components/table-scroll';

/** The application's event types; editors create and delete (deactivate) them. */
export function EventTypesPage() {
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const eventTypes = useEventTypes(scope.applicationId);
  return (
    <section>
      <PageHeader title="Event types" />
      <p>
        Every event names its type, <code>service.resource_type.verb</code>; a subscription receives the events of the types it lists.
      </p>
      <QueryState query={eventTypes}>
        {(list) =>
          list.length === 0 ? (
            <p>This application has no event type yet.</p>
          ) : (
            <TableScroll label="Event types">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Service</th>
                    <th scope="col">Resource type</th>
                    <th scope="col">Verb</th>
                    {canEdit ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((eventType) => (
                    <tr key={eventType.event_type_name}>
                      <td>
                        <code>{eventType.event_type_name}</code>
                      </td>
                      <td>{eventType.service_name}</td>
                      <td>{eventType.resource_type_name}</td>
                      <td>{eventType.verb_name}</td>
                      {canEdit ? (
                        <td>
                          <DeleteEventTypeButton applicationId={scope.applicationId} name={eventType.event_type_name} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
      {canEdit ? <CreateEventTypeForm applicationId={scope.applicationId} /> : null}
    </section>
  );
}
