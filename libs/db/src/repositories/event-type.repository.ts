import { IsNull, type DataSource } from 'typeorm';
import { EventTypeEntity } from '../entities/event-type.entity';

export interface NewEventType {
  readonly applicationId: string;
  readonly serviceName: string;
  readonly resourceTypeName: string;
  readonly verbName: string;
}

/** Event types (docs/hook0-compatibility.md "Event types"): unique per application by full name, deactivated rather than deleted. */
export class EventTypeRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(EventTypeEntity);
  }

  listActive(applicationId: string): Promise<EventTypeEntity[]> {
    return this.repository.find({ where: { applicationId, deactivatedAt: IsNull() }, order: { eventTypeName: 'ASC' } });
  }

  findActive(applicationId: string, eventTypeName: string): Promise<EventTypeEntity | null> {
    return this.repository.findOneBy({ applicationId, eventTypeName, deactivatedAt: IsNull() });
  }

  /** Creates the type, or re-activates the one of the same name (Hook0's upsert); returns the stored row. */
  async upsert(eventType: NewEventType): Promise<EventTypeEntity> {
    const name = `${eventType.serviceName}.${eventType.resourceTypeName}.${eventType.verbName}`;
    await this.dataSource.query(
      `INSERT INTO event_type (application_id, event_type_name, service_name, resource_type_name, verb_name)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id, event_type_name) DO UPDATE SET deactivated_at = NULL`,
      [eventType.applicationId, name, eventType.serviceName, eventType.resourceTypeName, eventType.verbName],
    );
    return this.repository.findOneByOrFail({ applicationId: eventType.applicationId, eventTypeName: name });
  }

  /** Deactivates an active type; false when there is no active type of this name. */
  async deactivate(applicationId: string, eventTypeName: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE event_type SET deactivated_at = now()
        WHERE application_id = $1 AND event_type_name = $2 AND deactivated_at IS NULL`,
      [applicationId, eventTypeName],
    );
    return affected > 0;
  }

  /** The names among `names` that are not active event types of the application. */
  async missingActive(applicationId: string, names: readonly string[]): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT wanted.name
         FROM unnest($2::text[]) AS wanted (name)
        WHERE NOT EXISTS (SELECT 1 FROM event_type
                           WHERE application_id = $1 AND event_type_name = wanted.name AND deactivated_at IS NULL)`,
      [applicationId, names],
    );
    return rows.map((row) => row.name);
  }
}
