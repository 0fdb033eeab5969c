import { HealthView } from '../../http/views';
import { defineRoute, Reply, type RouteDefinition } from '../../http/route';
import { HealthQueryDto } from './health.dto';
import { toHealthView } from './health.presenter';
import type { HealthService } from './health.service';

export function healthRoutes(health: HealthService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      operationId: 'health.check',
      summary: 'Check PostgreSQL and RabbitMQ: 200 when healthy, 503 with the same body otherwise',
      tag: 'Instance',
      auth: 'none',
      query: HealthQueryDto,
      status: 200,
      view: HealthView,
      handler: async ({ query }) => {
        health.authorize(query.key);
        const report = await health.check();
        return report.healthy ? toHealthView(report) : new Reply(toHealthView(report), {}, 503);
      },
    }),
  ];
}
