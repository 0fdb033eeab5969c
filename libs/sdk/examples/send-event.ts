import { createHook0Client, Hook0ApiError } from '@hook0-ts/sdk';

const hook0 = createHook0Client({
  baseUrl: process.env.HOOK0_API_URL ?? 'http://127.0.0.1:8081/api/v1',
  token: process.env.HOOK0_TOKEN!, // an application secret
});
const applicationId = process.env.HOOK0_APPLICATION_ID!;

async function main(): Promise<void> {
  // Typed requests to any route: paths, parameters, bodies and answers come from the API's OpenAPI document.
  const { data: subscription, error } = await hook0.api.POST('/subscriptions', {
    body: {
      application_id: applicationId,
      is_enabled: true,
      event_types: ['billing.invoice.paid'],
      labels: { tenant_id: 'acme' },
      target: { type: 'http', method: 'POST', url: 'http://127.0.0.1:4000/hooks', headers: {} },
    },
  });
  if (error) throw new Error(`${error.id}: ${error.detail}`);
  console.log('subscription', subscription.subscription_id, 'secret', subscription.secret);

  // One event id per logical send, reused by every retry: a retry never ingests the event twice.
  try {
    const sent = await hook0.sendEvent({
      applicationId,
      eventType: 'billing.invoice.paid',
      payload: { invoice_id: 'inv_42', amount: 1200 },
      labels: { tenant_id: 'acme' },
    });
    console.log('event', sent.eventId, 'after', sent.attempts, 'attempt(s)');
  } catch (failure) {
    if (failure instanceof Hook0ApiError) console.error('refused:', failure.status, failure.problem?.id);
    throw failure;
  }
}

void main();
