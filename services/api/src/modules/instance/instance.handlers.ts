import type { HandlersOf } from '../../http/route';
import type { QuotaService } from '../quotas/quota.service';
import { toQuotasView } from '../quotas/quota.presenter';
import { toEnvironmentVariableView } from './environment-variable.presenter';
import { toInstanceView } from './instance.presenter';
import type { InstanceService } from './instance.service';
import type { instanceRoutes } from './instance.routes';

export function instanceHandlers(instance: InstanceService, quotas: QuotaService): HandlersOf<typeof instanceRoutes> {
  return {
    instance: async () => toInstanceView(instance.instance()),
    quotas: async () => toQuotasView(quotas.enabled, quotas.limits()),
    errors: async () => instance.errors(),
    payloadContentTypes: async () => [...instance.payloadContentTypes()],
    environmentVariables: async () => instance.environmentVariables().map(toEnvironmentVariableView),
  };
}
