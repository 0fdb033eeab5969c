import { Reply, type HandlersOf } from '../../http/route';
import { toHealthView } from './health.presenter';
import type { HealthService } from './health.service';
import type { healthRoutes } from './health.routes';

export function healthHandlers(health: HealthService): HandlersOf<typeof healthRoutes> {
  return {
    check: async ({ query }) => {
      health.authorize(query.key);
      const report = await health.check();
      return report.healthy ? toHealthView(report) : new Reply(toHealthView(report), {}, 503);
    },
  };
}
