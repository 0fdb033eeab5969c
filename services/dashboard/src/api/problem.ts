import type { components } from '@hook0-ts/sdk/api-types';

export type Problem = components['schemas']['Problem'];

/** An API answer that was not a success, carrying the problem+json body the API sends (docs/api.md "Errors"). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`);
    this.name = 'ApiProblem';
  }

  get id(): string | undefined {
    return this.problem?.id;
  }
}

/** What to show a person for any failure: the problem's title and detail, or the network error. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiProblem) {
    const { title, detail } = error.problem ?? {};
    if (title && detail && detail !== title) return `${title}: ${detail}`;
    return title ?? detail ?? error.message;
  }
  if (error instanceof TypeError) return 'The API could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
