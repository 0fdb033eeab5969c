import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { RotateSecretForm } from './rotate-secret-form';
import { TableScroll } from '../../components/table-scroll';

const MASK = '••••••••••••••••';

/** The signing secret, masked until asked for, and its rotation. Editors only: viewers get no secret from the API. */
export function SubscriptionSecret({ subscription }: { readonly subscription: Schemas['Subscription'] }) {
  const [shown, setShown] = useState(false);
  const { secret, standard_webhooks_secret: standardSecret } = subscription;
  return (
    <section aria-labelledby="subscription-secret">
      <h2 id="subscription-secret">Signing secret</h2>
      {secret === null ? (
        <p>The signing secret is only shown to editors.</p>
      ) : (
        <>
          <p>
            Receivers verify each delivery's signature with this secret.{' '}
            <button type="button" className="secondary outline" aria-pressed={shown} onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
          </p>
          <TableScroll label="Signing secret">
            <table>
              <tbody>
                <tr>
                  <th scope="row">Secret</th>
                  <td className="break-anywhere">
                    <code>{shown ? secret : MASK}</code>
                  </td>
                </tr>
                <tr>
                  <th scope="row">Standard Webhooks form</th>
                  <td className="break-anywhere">
                    <code>{shown && standardSecret ? standardSecret : MASK}</code>
                  </td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <RotateSecretForm subscriptionId={subscription.subscription_id} />
    </section>
  );
}
