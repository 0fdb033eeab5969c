import { ProblemError } from '@hook0/core';
import type { ResponseEntity, ResponseRepository } from '@hook0/db';
import type { ApplicationGrant } from '../../auth/grants';

/** Responses recorded by deliveries; reached by the ids request attempts carry. */
export class ResponseService {
  constructor(private readonly responses: ResponseRepository) {}

  async get({ application }: ApplicationGrant, responseId: string): Promise<ResponseEntity> {
    const response = await this.responses.findInApplication(application.applicationId, responseId);
    if (!response) throw new ProblemError('NotFound');
    return response;
  }
}
