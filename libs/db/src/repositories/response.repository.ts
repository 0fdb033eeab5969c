import type { DataSource } from 'typeorm';
import { ResponseEntity } from '../entities/response.entity';

/** Responses recorded by the dispatcher; the API only reads them (docs/hook0-compatibility.md "Responses"). */
export class ResponseRepository {
  constructor(private readonly dataSource: DataSource) {}

  findInApplication(applicationId: string, responseId: string): Promise<ResponseEntity | null> {
    return this.dataSource.getRepository(ResponseEntity).findOneBy({ applicationId, responseId });
  }
}
