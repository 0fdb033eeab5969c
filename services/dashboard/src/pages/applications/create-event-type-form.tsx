import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi } from '../../session/session-context';
import { applicationQueryKey, eventTypesQueryKey } from './application-queries';
import {
  EMPTY_EVENT_TYPE_FORM,
  eventTypeName,
  eventTypePartProblem,
  isEventTypeFormValid,
  toEventTypeBody,
  type EventTypeForm,
} from './event-type-name';

/** Creates an event type from its three parts, showing the name it will have. */
export function CreateEventTypeForm({ applicationId }: { readonly applicationId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<EventTypeForm>(EMPTY_EVENT_TYPE_FORM);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/event_types', { body: toEventTypeBody(applicationId, form) })),
    onSuccess: async () => {
      setForm(EMPTY_EVENT_TYPE_FORM);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: eventTypesQueryKey(applicationId) }),
        queryClient.invalidateQueries({ queryKey: applicationQueryKey(applicationId) }),
      ]);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isEventTypeFormValid(form)) create.mutate();
  };
  const field = (key: keyof EventTypeForm) => ({ value: form[key], onChange: (value: string) => setForm({ ...form, [key]: value }) });
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-event-type">
      <h2 id="create-event-type">New event type</h2>
      <div className="grid">
        <PartInput label="Service" placeholder="e.g. billing" {...field('service')} />
        <PartInput label="Resource type" placeholder="e.g. invoice" {...field('resourceType')} />
        <PartInput label="Verb" placeholder="e.g. paid" {...field('verb')} />
      </div>
      <p>
        Name: <output>{isEventTypeFormValid(form) ? <code>{eventTypeName(form)}</code> : 'fill in the three parts'}</output>
      </p>
      <button type="submit" aria-busy={create.isPending} disabled={create.isPending}>
        Create event type
      </button>
      <ErrorNotice error={create.error} />
    </form>
  );
}

interface PartInputProps {
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

function PartInput({ label, placeholder, value, onChange }: PartInputProps) {
  const inputId = useId();
  const problemId = useId();
  const problem = eventTypePartProblem(value);
  return (
    <div>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        required
        placeholder={placeholder}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? <small id={problemId}>{problem}</small> : null}
    </div>
  );
}
