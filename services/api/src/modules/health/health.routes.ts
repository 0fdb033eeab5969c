import { HealthView } from '../../http/views';
import { defineRoute } from '../../http/route';
import { HealthQueryDto } from './health.dto';
import { publicAccess } from '../../http/access-rule';

export const healthRoutes = {
  check: defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'health.check',
    summary: 'Check PostgreSQL and RabbitMQ: 200 when healthy, 503 with the same body otherwise',
    tag: 'Instance',
    auth: 'none',
    access: publicAccess,
    rateLimit: 'shared',
    query: HealthQueryDto,
    status: 200,
    view: HealthView,
  }),
};
