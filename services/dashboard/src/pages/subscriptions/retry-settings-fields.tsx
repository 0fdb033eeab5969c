import { useId } from 'react';
import type { SubscriptionForm } from './subscription-form';

type RetrySettings = Pick<SubscriptionForm, 'retrySchedule' | 'maxRetries' | 'maxInFlight' | 'maxDeliveriesPerSecond'>;

interface RetrySettingsFieldsProps {
  readonly value: RetrySettings;
  readonly onChange: (change: Partial<RetrySettings>) => void;
  readonly isInvalid: (field: string) => boolean;
}

/** The subscription's own retry schedule and delivery limits (docs/hook0-compatibility.md "Subscriptions"); empty = the instance default. */
export function RetrySettingsFields({ value, onChange, isInvalid }: RetrySettingsFieldsProps) {
  const id = useId();
  const invalid = (field: string) => (isInvalid(field) ? true : undefined);
  return (
    <fieldset>
      <legend>Retries and delivery limits</legend>
      <small id={`${id}-hint`}>Leave a field empty to use the instance default.</small>
      <label>
        Retry schedule
        <input
          value={value.retrySchedule}
          placeholder="5s, 1m, 10m, 1h"
          aria-describedby={`${id}-schedule`}
          aria-invalid={invalid('retry_schedule')}
          onChange={(e) => onChange({ retrySchedule: e.target.value })}
        />
        <small id={`${id}-schedule`}>Delays before each retry, separated by commas, each from 1s to 10d.</small>
      </label>
      <div className="grid">
        <label>
          Max retries
          <input
            type="number"
            min={0}
            max={30}
            step={1}
            value={value.maxRetries}
            aria-describedby={`${id}-hint`}
            aria-invalid={invalid('max_retries')}
            onChange={(e) => onChange({ maxRetries: e.target.value })}
          />
        </label>
        <label>
          Max deliveries in flight
          <input
            type="number"
            min={1}
            max={1000}
            step={1}
            value={value.maxInFlight}
            aria-describedby={`${id}-hint`}
            aria-invalid={invalid('max_in_flight')}
            onChange={(e) => onChange({ maxInFlight: e.target.value })}
          />
        </label>
        <label>
          Max deliveries per second
          <input
            type="number"
            min={0.01}
            max={10000}
            step="any"
            value={value.maxDeliveriesPerSecond}
            aria-describedby={`${id}-hint`}
            aria-invalid={invalid('max_deliveries_per_second')}
            onChange={(e) => onChange({ maxDeliveriesPerSecond: e.target.value })}
          />
        </label>
      </div>
    </fieldset>
  );
}
