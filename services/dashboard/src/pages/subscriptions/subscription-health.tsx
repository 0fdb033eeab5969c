import type { Schemas } from '../../api/client';
import { disabledReasonText, formatDateTime, healthLabel } from './subscription-text';
import { TableScroll } from '../../components/table-scroll';

/** The subscription's health (docs/guarantees.md "Subscription health"), in words. */
export function SubscriptionHealth({ health }: { readonly health: Schemas['Subscription']['health'] }) {
  const reason = disabledReasonText(health.disabled_reason);
  return (
    <section aria-labelledby="subscription-health">
      <h2 id="subscription-health">Health</h2>
      <p>
        <strong>{healthLabel(health.status)}</strong> since {formatDateTime(health.since)}.
        {health.status === 'disabled' ? ' Deliveries wait, none is lost, until a probe succeeds.' : null}
      </p>
      <TableScroll label="Health">
        <table>
          <tbody>
            <tr>
              <th scope="row">Consecutive failures</th>
              <td>{health.consecutive_failures}</td>
            </tr>
            <tr>
              <th scope="row">Last success</th>
              <td>{formatDateTime(health.last_success_at, 'never')}</td>
            </tr>
            <tr>
              <th scope="row">Last failure</th>
              <td>{formatDateTime(health.last_failure_at, 'never')}</td>
            </tr>
            {reason ? (
              <tr>
                <th scope="row">Disabled because</th>
                <td>{reason}</td>
              </tr>
            ) : null}
            {health.next_probe_at ? (
              <tr>
                <th scope="row">Next probe</th>
                <td>{formatDateTime(health.next_probe_at)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
