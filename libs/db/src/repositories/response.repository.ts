import type { DataSource } from 'typeorm';
import { ResponseEntity } from '../entities/response.entity';

/** Responses recorded by the dispatcher; the API only reads them (HOOK0_API.md §3.11). */
export class ResponseRepository {
  constructor(private readonly dataSource: DataSource) {}

  findInApplication(applicationId: string, responseId: string): Promise<ResponseEntity | null> {
    return this.dataSource.getRepository(ResponseEntity).findOneBy({ applicationId, responseId });
  }
}
