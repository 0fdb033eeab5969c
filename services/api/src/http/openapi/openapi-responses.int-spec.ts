import Ajv from 'ajv';
import type { OpenAPIV3 } from 'openapi-types';
import { createTenant, startApiHarness, type ApiHarness, type Tenant } from '../../../test/api-harness';
import { subscriptionBody } from '../../../test/subscription.fixtures';

/**
 * The document is a contract: the bodies the API really sends validate against the response schemas it publishes,
 * and no operation with a body leaves its schema empty.
 */
describe('response schemas of GET /api/v1/swagger.json', () => {
  let harness: ApiHarness;
  let document: OpenAPIV3.Document;
  let tenant: Tenant;
  let master: Record<string, string>;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

  beforeAll(async () => {
    harness = await startApiHarness();
    document = (await harness.http().get('/swagger.json').expect(200)).body as OpenAPIV3.Document;
    ajv.addSchema({ components: document.components }, 'openapi');
    tenant = await createTenant(harness);
    master = { Authorization: `Bearer ${harness.masterKey}` };
  });
  afterAll(() => harness.close());

  function schemaOf(method: string, path: string, status: number): object {
    const operation = (document.paths[path] as Record<string, OpenAPIV3.OperationObject>)[method];
    const response = operation.responses[String(status)] as OpenAPIV3.ResponseObject;
    return JSON.parse(
      JSON.stringify(response.content!['application/json'].schema).replaceAll('"#/components', '"openapi#/components'),
    ) as object;
  }

  async function expectConforms(
    method: 'get' | 'post' | 'put',
    path: string,
    call: () => Promise<{ status: number; body: unknown }>,
  ): Promise<void> {
    const { status, body } = await call();
    const validate = ajv.compile(schemaOf(method, path, status));
    expect({ path, errors: validate(body) ? null : validate.errors }).toEqual({ path, errors: null });
  }

  it('gives every operation that answers with a body a schema of its own', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, OpenAPIV3.OperationObject>)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const content = (response as OpenAPIV3.ResponseObject).content;
          if (status === 'default' || status === '204') continue;
          const schema = content?.['application/json'].schema as Record<string, unknown> | undefined;
          expect({ operation: `${method} ${path}`, described: Boolean(schema && ('$ref' in schema || 'type' in schema)) }).toEqual({
            operation: `${method} ${path}`,
            described: true,
          });
        }
      }
    }
  });

  it('matches what the API sends, for one of every resource', async () => {
    const http = () => harness.http();
    const app = { application_id: tenant.applicationId };
    const subscription = await http().post('/subscriptions').set(master).send(subscriptionBody(tenant.applicationId));
    await expectConforms('post', '/subscriptions', async () => subscription);
    const event = await http()
      .post('/event')
      .set(master)
      .send({
        ...app,
        event_type: 'billing.invoice.paid',
        payload: '{"a":1}',
        payload_content_type: 'application/json',
        occurred_at: new Date().toISOString(),
        labels: { tenant_id: 'acme' },
      });
    await expectConforms('post', '/event', async () => event);
    const eventId = event.body.event_id as string;
    const subscriptionId = subscription.body.subscription_id as string;

    const reads: Array<[string, string, Record<string, string>]> = [
      ['/instance', '/instance', {}],
      ['/quotas', '/quotas', {}],
      ['/errors', '/errors', {}],
      ['/payload_content_types', '/payload_content_types', {}],
      ['/organizations', '/organizations', {}],
      ['/organizations/{organization_id}', `/organizations/${tenant.organizationId}`, {}],
      ['/applications', '/applications', { organization_id: tenant.organizationId }],
      ['/applications/{application_id}', `/applications/${tenant.applicationId}`, {}],
      ['/application_secrets', '/application_secrets', app],
      ['/event_types', '/event_types', app],
      ['/event_types/{event_type_name}', '/event_types/billing.invoice.paid', app],
      ['/subscriptions', '/subscriptions', app],
      ['/subscriptions/{subscription_id}', `/subscriptions/${subscriptionId}`, {}],
      ['/events', '/events', app],
      ['/events/{event_id}', `/events/${eventId}`, app],
      ['/request_attempts', '/request_attempts', app],
      ['/events_per_day/application', '/events_per_day/application', app],
      ['/service_token', '/service_token', { organization_id: tenant.organizationId }],
    ];
    for (const [documented, path, query] of reads) {
      await expectConforms('get', documented, async () => http().get(path).query(query).set(master).expect(200));
    }
  });
});
