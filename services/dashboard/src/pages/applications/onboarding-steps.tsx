import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';

type Steps = Schemas['ApplicationInfo']['onboarding_steps'];

/** The three steps from a new application to a delivered webhook, each marked done or to do in words; hidden once all are done. */
export function OnboardingSteps({ steps, base, canEdit }: { readonly steps: Steps; readonly base: string; readonly canEdit: boolean }) {
  if (steps.event_type === 'Done' && steps.subscription === 'Done' && steps.event === 'Done') return null;
  return (
    <section aria-labelledby="getting-started">
      <h2 id="getting-started">Getting started</h2>
      <ol>
        <Step done={steps.event_type === 'Done'}>
          <Link to={`${base}/event_types`}>Create an event type</Link>, such as <code>billing.invoice.paid</code>: the kinds of events this
          application sends.
        </Step>
        <Step done={steps.subscription === 'Done'}>
          <Link to={`${base}/subscriptions`}>Create a subscription</Link>: the URL that receives the events of the types it lists.
        </Step>
        <Step done={steps.event === 'Done'}>
          Send an event: <code>POST /api/v1/event</code> with the application id, the event type and a payload, authenticated with{' '}
          {canEdit ? <Link to={`${base}/secrets`}>an application secret</Link> : 'an application secret'} or a service token.
        </Step>
      </ol>
    </section>
  );
}

function Step({ done, children }: { readonly done: boolean; readonly children: ReactNode }) {
  return (
    <li>
      <strong>{done ? 'Done:' : 'To do:'}</strong> {children}
    </li>
  );
}
