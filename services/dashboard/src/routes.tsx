import type { RouteObject } from 'react-router';
import { Shell } from './layout/shell';
import { RequireSession } from './layout/require-session';
import { NotFoundPage } from './layout/not-found-page';
import { LoginPage } from './pages/auth/login-page';
import { RegisterPage } from './pages/auth/register-page';
import { OrganizationsPage } from './pages/organizations/organizations-page';
import { OrganizationPage } from './pages/organizations/organization-page';
import { ApplicationLayout } from './pages/applications/application-layout';
import { ApplicationOverviewPage } from './pages/applications/application-overview-page';
import { EventTypesPage } from './pages/applications/event-types-page';
import { ApplicationSecretsPage } from './pages/applications/application-secrets-page';
import { SubscriptionsPage } from './pages/subscriptions/subscriptions-page';
import { SubscriptionFormPage } from './pages/subscriptions/subscription-form-page';
import { SubscriptionPage } from './pages/subscriptions/subscription-page';
import { EventsPage } from './pages/events/events-page';
import { EventPage } from './pages/events/event-page';
import { RequestAttemptsPage } from './pages/request-attempts/request-attempts-page';
import { RequestAttemptPage } from './pages/request-attempts/request-attempt-page';

/** Every page of the dashboard (docs/dashboard.md "Pages"); paths under an application are relative to it. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <OrganizationsPage /> },
          { path: 'organizations/:organizationId', element: <OrganizationPage /> },
          {
            path: 'organizations/:organizationId/applications/:applicationId',
            element: <ApplicationLayout />,
            children: [
              { index: true, element: <ApplicationOverviewPage /> },
              { path: 'event_types', element: <EventTypesPage /> },
              { path: 'secrets', element: <ApplicationSecretsPage /> },
              { path: 'subscriptions', element: <SubscriptionsPage /> },
              { path: 'subscriptions/new', element: <SubscriptionFormPage /> },
              { path: 'subscriptions/:subscriptionId', element: <SubscriptionPage /> },
              { path: 'subscriptions/:subscriptionId/edit', element: <SubscriptionFormPage /> },
              { path: 'events', element: <EventsPage /> },
              { path: 'events/:eventId', element: <EventPage /> },
              { path: 'request_attempts', element: <RequestAttemptsPage /> },
              { path: 'request_attempts/:requestAttemptId', element: <RequestAttemptPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
