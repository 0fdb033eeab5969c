import type { Schemas } from '../../api/client';

export interface EventTypeForm {
  readonly service: string;
  readonly resourceType: string;
  readonly verb: string;
}

export const EMPTY_EVENT_TYPE_FORM: EventTypeForm = { service: '', resourceType: '', verb: '' };

const MAX_PART_LENGTH = 50;

/** The name events carry: `service.resource_type.verb`, from the parts as they will be sent. */
export function eventTypeName(form: EventTypeForm): string {
  return [form.service, form.resourceType, form.verb].map((part) => part.trim()).join('.');
}

/**
 * What is wrong with one part, or null. The API takes dots inside a part, but the name joins the parts with dots, so
 * `a.b` + `c` + `d` could not be told from `a` + `b.c` + `d`: the dashboard refuses them.
 */
export function eventTypePartProblem(part: string): string | null {
  const value = part.trim();
  if (value.includes('.')) return 'Must not contain a dot: the name joins the parts with dots.';
  if (value.length > MAX_PART_LENGTH) return `At most ${MAX_PART_LENGTH} characters.`;
  return null;
}

export function isEventTypeFormValid(form: EventTypeForm): boolean {
  return [form.service, form.resourceType, form.verb].every((part) => part.trim() !== '' && eventTypePartProblem(part) === null);
}

export function toEventTypeBody(applicationId: string, form: EventTypeForm): Schemas['EventTypePostDto'] {
  return { application_id: applicationId, service: form.service.trim(), resource_type: form.resourceType.trim(), verb: form.verb.trim() };
}
