export type Labels = Readonly<Record<string, string>>;

export interface MatchableSubscription {
  readonly applicationId: string;
  readonly isEnabled: boolean;
  readonly deletedAt: Date | null;
  readonly eventTypes: readonly string[];
  readonly labels: Labels;
}

export interface MatchableEvent {
  readonly applicationId: string;
  readonly eventTypeName: string;
  readonly labels: Labels;
}

/** Every label of the subscription is present, with the identical value, in the event's labels (JSONB `@>`). */
export function labelsContain(eventLabels: Labels, subscriptionLabels: Labels): boolean {
  return Object.entries(subscriptionLabels).every(
    ([key, value]) => Object.prototype.hasOwnProperty.call(eventLabels, key) && eventLabels[key] === value,
  );
}

/** Hook0's dispatch rule (docs/hook0-compatibility.md "Matching"). */
export function subscriptionMatches(subscription: MatchableSubscription, event: MatchableEvent): boolean {
  return (
    subscription.isEnabled &&
    subscription.deletedAt === null &&
    subscription.applicationId === event.applicationId &&
    subscription.eventTypes.includes(event.eventTypeName) &&
    labelsContain(event.labels, subscription.labels)
  );
}
