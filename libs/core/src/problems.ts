/** Hook0's problem catalogue (docs/hook0-compatibility.md "Problem catalogue"): id → status, title, detail. */
export interface ProblemDefinition {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
}

export const PROBLEMS = {
  JsonPayload: {
    status: 400,
    title: 'Provided body could not be decoded as JSON',
    detail: 'The request body could not be decoded as JSON.',
  },
  OrganizationNameMissing: {
    status: 400,
    title: 'Organization name cannot be empty',
    detail: 'Organization name length must have more than 1 character.',
  },
  PasswordTooShort: {
    status: 400,
    title: 'Provided password is too short',
    detail: 'The password is shorter than the minimum length of this instance.',
  },
  PasswordTooLong: {
    status: 400,
    title: 'Provided password is too long',
    detail: 'The password is longer than the maximum length of this instance.',
  },
  InvalidRole: { status: 400, title: 'Provided role does not exist', detail: 'Valid roles are: editor, viewer.' },
  EventTypeDoesNotExist: {
    status: 400,
    title: 'Invalid event type',
    detail: 'Event type does not exist or was deactivated. You should (re)create it.',
  },
  EventInvalidPayloadContentType: {
    status: 400,
    title: 'Invalid event payload content type',
    detail: 'The payload content type is not one of the supported values. See GET /payload_content_types.',
  },
  EventInvalidBase64Payload: {
    status: 400,
    title: 'Invalid event payload',
    detail: 'The payload could not be decoded as standard base64.',
  },
  EventInvalidJsonPayload: {
    status: 400,
    title: 'Invalid event payload',
    detail: 'The payload is not valid JSON although its content type is application/json.',
  },
  LabelsAmbiguity: {
    status: 400,
    title: 'Ambiguous labels specification',
    detail: 'Provide either "labels" or both "label_key" and "label_value".',
  },
  UnauthorizedWorkers: {
    status: 400,
    title: 'Unauthorized workers',
    detail: 'The dedicated workers requested are not available to this organization.',
  },
  AuthInvalidAuthorizationHeader: {
    status: 400,
    title: 'Invalid Authorization header',
    detail: 'The Authorization header could not be read.',
  },
  InvalidQueryString: { status: 400, title: 'Invalid query string', detail: 'The query string is malformed.' },
  InvalidDateRange: { status: 400, title: 'Invalid date range', detail: 'The "from" date must not be after the "to" date.' },
  AuthNoAuthorizationHeader: {
    status: 401,
    title: 'No Authorization header',
    detail: 'The request needs an Authorization header with a Bearer token.',
  },
  AuthFailedLogin: { status: 401, title: 'Login failed', detail: 'The provided credentials do not match ones of a valid user.' },
  AuthFailedRefresh: {
    status: 401,
    title: 'Refreshing access token failed',
    detail: 'The provided refresh token is invalid, expired or revoked. Log in again.',
  },
  AuthInvalidBiscuit: { status: 403, title: 'Invalid Biscuit', detail: 'The authentication token is invalid, expired or revoked.' },
  AuthInvalidApplicationSecret: { status: 403, title: 'Invalid application secret', detail: 'The application secret is invalid.' },
  Forbidden: { status: 403, title: 'Insufficient rights', detail: 'You do not have the rights to perform this action.' },
  NotFound: { status: 404, title: 'Item not found', detail: 'The requested item does not exist.' },
  InvitedUserDoesNotExist: {
    status: 404,
    title: 'User does not exist',
    detail: 'No user with this email address exists; they must register first.',
  },
  UserAlreadyExist: { status: 409, title: 'This user already exist', detail: 'This email is already registered.' },
  OrganizationIsNotEmpty: {
    status: 409,
    title: 'Organization is not empty',
    detail: 'Organizations that contain at least an application cannot be deleted; applications must be deleted first.',
  },
  InvitedUserAlreadyInOrganization: {
    status: 409,
    title: 'User is already in the organization',
    detail: 'This user is already a member of the organization.',
  },
  EventAlreadyIngested: {
    status: 409,
    title: 'Event already Ingested',
    detail: 'This application already ingested an event with this event_id.',
  },
  EventReplayLimitReached: {
    status: 409,
    title: 'Event replayed too many times',
    detail: 'This event was replayed 32767 times, the most one event can be.',
  },
  SubscriptionInactive: {
    status: 409,
    title: 'Subscription is not active',
    detail: 'The subscription is disabled or deleted, so nothing can be delivered to it; enable it first.',
  },
  AttemptStillPending: {
    status: 409,
    title: 'Delivery still pending',
    detail: 'An attempt of this delivery is still pending or in progress; retry it once it has finished.',
  },
  ReplayFinished: {
    status: 409,
    title: 'Replay already finished',
    detail: 'This replay already scheduled every delivery it matched; there is nothing left to cancel.',
  },
  PayloadTooLarge: {
    status: 413,
    title: 'Request body too large',
    detail: 'The request body (counted after decompression) is larger than this instance accepts.',
  },
  RegistrationDisabled: { status: 410, title: 'Registrations are disabled', detail: 'Registration was disabled by an administrator.' },
  Validation: { status: 422, title: 'Provided input is malformed', detail: 'Some fields did not pass validation; see "validation".' },
  TooManyMembersPerOrganization: {
    status: 429,
    title: 'Exceeded number of members per organization',
    detail: 'This organization cannot have more members.',
  },
  TooManyApplicationsPerOrganization: {
    status: 429,
    title: 'Exceeded number of applications per organization',
    detail: 'This organization cannot have more applications.',
  },
  TooManyEventsToday: {
    status: 429,
    title: 'Exceeded number of events that can be ingested in this organization today',
    detail: 'This application cannot ingest more events today.',
  },
  TooManySubscriptionsPerApplication: {
    status: 429,
    title: 'Exceeded number of subscriptions per application',
    detail: 'This application cannot have more subscriptions.',
  },
  TooManyEventTypesPerApplication: {
    status: 429,
    title: 'Exceeded number of event types per application',
    detail: 'This application cannot have more event types.',
  },
  RateLimited: { status: 429, title: 'Too many requests', detail: 'Rate limit exceeded. Retry later.' },
  InternalServerError: { status: 500, title: 'Internal server error', detail: 'Something went wrong on our side.' },
  ServiceUnavailable: { status: 503, title: 'Service unavailable', detail: 'A dependency is temporarily unavailable. Retry later.' },
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemId = keyof typeof PROBLEMS;

export const PROBLEM_TYPE_BASE = 'https://documentation.hook0.com/reference/error-codes#';

export type ValidationTree = { [field: string]: ValidationEntry[] | ValidationTree };
export interface ValidationEntry {
  code: string;
  message: string | null;
  params: Record<string, unknown>;
}

/** A failure with a stable problem id; rendered as application/problem+json by the API. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;

  constructor(
    readonly problemId: ProblemId,
    detail?: string,
    readonly validation: ValidationTree | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${problemId}: ${detail ?? PROBLEMS[problemId].detail}`);
    this.name = 'ProblemError';
    this.status = PROBLEMS[problemId].status;
    this.title = PROBLEMS[problemId].title;
    this.detail = detail ?? PROBLEMS[problemId].detail;
  }
}

export interface ProblemBody {
  type: string;
  status: number;
  title: string;
  detail: string;
  id: string;
  validation: ValidationTree | null;
}

export function problemBody(error: ProblemError): ProblemBody {
  return {
    type: PROBLEM_TYPE_BASE + error.problemId.toLowerCase(),
    status: error.status,
    title: error.title,
    detail: error.detail,
    id: error.problemId,
    validation: error.validation,
  };
}
