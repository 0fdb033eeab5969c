import { ProblemError } from '@hook0/core';
import type { ResponseEntity, ResponseRepository } from '@hook0/db';
import type { AccessPolicy } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';

/** Responses recorded by deliveries; reached by the ids request attempts carry. */
export class ResponseService {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly access: AccessPolicy,
  ) {}

  async get(principal: Principal, applicationId: string, responseId: string): Promise<ResponseEntity> {
    const application = await this.access.application(principal, applicationId, 'read');
    const response = await this.responses.findInApplication(application.applicationId, responseId);
    if (!response) throw new ProblemError('NotFound');
    return response;
  }
}
