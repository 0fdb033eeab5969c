import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { IdentityAndAccess1764610000000 } from './1764610000000-identity-and-access';
import { Reconciliation1764800000000 } from './1764800000000-reconciliation';
import { DispatchReconciliation1764900000000 } from './1764900000000-dispatch-reconciliation';
import { Housekeeping1765000000000 } from './1765000000000-housekeeping';
import { ResponseApplicationIndex1765000000001 } from './1765000000001-response-application-index';
import { PurgedEventsPerDay1765000000002 } from './1765000000002-purged-events-per-day';
import { EventIdPerApplication1765100000000 } from './1765100000000-event-id-per-application';
import { SubscriptionFlowControl1765100000001 } from './1765100000001-subscription-flow-control';
import { OutboxTraceContext1765200000000 } from './1765200000000-outbox-trace-context';
import { SubscriptionActions1766000000000 } from './1766000000000-subscription-actions';
import { Replays1766100000000 } from './1766100000000-replays';
import { SubscriptionHealth1766200000000 } from './1766200000000-subscription-health';
import { ClaimGenericPlans1766300000000 } from './1766300000000-claim-generic-plans';
import { PerAttemptPlans1766400000000 } from './1766400000000-per-attempt-plans';

export const MIGRATIONS = [
  InitialSchema1764400000000,
  IdentityAndAccess1764610000000,
  Reconciliation1764800000000,
  DispatchReconciliation1764900000000,
  Housekeeping1765000000000,
  ResponseApplicationIndex1765000000001,
  PurgedEventsPerDay1765000000002,
  EventIdPerApplication1765100000000,
  SubscriptionFlowControl1765100000001,
  OutboxTraceContext1765200000000,
  SubscriptionActions1766000000000,
  Replays1766100000000,
  SubscriptionHealth1766200000000,
  ClaimGenericPlans1766300000000,
  PerAttemptPlans1766400000000,
];
