import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApplicationScope, useCanEdit } from '../../session/use-scope';
import { ApplicationSettings } from './application-settings';
import { useApplicationInfo } from './application-queries';
import { EventsPerDaySection } from './events-per-day-section';
import { OnboardingSteps } from './onboarding-steps';

/** An application's home: what is left to set up, its traffic over the last 30 days, and (for editors) its settings. */
export function ApplicationOverviewPage() {
  const scope = useApplicationScope();
  const canEdit = useCanEdit(scope.organizationId);
  const application = useApplicationInfo(scope.applicationId);
  return (
    <section>
      <PageHeader title={application.data?.name ?? 'Application'} />
      <QueryState query={application}>
        {(info) => (
          <>
            <p>
              Application id: <code>{info.application_id}</code>
            </p>
            <OnboardingSteps steps={info.onboarding_steps} base={scope.base} canEdit={canEdit} />
            <EventsPerDaySection application={info} />
            {canEdit ? <ApplicationSettings application={info} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
