import { PROBLEM_TYPE_BASE, PROBLEMS, ProblemError, problemBody, type ProblemId, type ValidationTree } from './problems';

const IDS = Object.keys(PROBLEMS) as ProblemId[];

// docs/hook0-compatibility.md "Problem catalogue": the status of every Hook0 problem id.
const HOOK0_STATUS: Record<string, number> = {
  OrganizationNameMissing: 400,
  PasswordTooShort: 400,
  PasswordTooLong: 400,
  PasswordSimilarToEmail: 400,
  PasswordSimilarToName: 400,
  PasswordTooCommon: 400,
  PasswordNotDiverseEnough: 400,
  ApplicationNameMissing: 400,
  InvalidRole: 400,
  EventTypeDoesNotExist: 400,
  UnauthorizedWorkers: 400,
  EventInvalidPayloadContentType: 400,
  EventInvalidBase64Payload: 400,
  EventInvalidJsonPayload: 400,
  LabelsAmbiguity: 400,
  InvalidDateRange: 400,
  AuthInvalidAuthorizationHeader: 400,
  JsonPayload: 400,
  AuthNoAuthorizationHeader: 401,
  AuthFailedLogin: 401,
  AuthEmailNotVerified: 401,
  AuthFailedRefresh: 401,
  AuthEmailExpired: 401,
  AuthInvalidApplicationSecret: 403,
  AuthInvalidBiscuit: 403,
  Forbidden: 403,
  InvitedUserDoesNotExist: 404,
  NotFound: 404,
  UserAlreadyExist: 409,
  OrganizationIsNotEmpty: 409,
  InvitedUserAlreadyInOrganization: 409,
  EventTypeAlreadyExist: 409,
  EventAlreadyIngested: 409,
  AuthEmailAlreadyVerified: 409,
  RegistrationDisabled: 410,
  Validation: 422,
  TooManyMembersPerOrganization: 429,
  TooManyApplicationsPerOrganization: 429,
  TooManyEventsToday: 429,
  TooManySubscriptionsPerApplication: 429,
  TooManyEventTypesPerApplication: 429,
  RateLimited: 429,
  AuthApplicationSecretLookupError: 500,
  AuthBiscuitLookupError: 500,
  InternalServerError: 500,
  ServiceUnavailable: 503,
};

// docs/hook0-compatibility.md "Problem catalogue": the titles Hook0 clients display.
const HOOK0_TITLES: Record<string, string> = {
  NotFound: 'Item not found',
  Forbidden: 'Insufficient rights',
  Validation: 'Provided input is malformed',
  JsonPayload: 'Provided body could not be decoded as JSON',
  EventAlreadyIngested: 'Event already Ingested',
  EventTypeDoesNotExist: 'Invalid event type',
  EventInvalidPayloadContentType: 'Invalid event payload content type',
  LabelsAmbiguity: 'Ambiguous labels specification',
  RateLimited: 'Too many requests',
  AuthInvalidBiscuit: 'Invalid Biscuit',
};

describe('problemBody (docs/hook0-compatibility.md "Conventions")', () => {
  it('renders the documented EventTypeDoesNotExist example exactly', () => {
    expect(problemBody(new ProblemError('EventTypeDoesNotExist'))).toEqual({
      type: 'https://documentation.hook0.com/reference/error-codes#eventtypedoesnotexist',
      status: 400,
      title: 'Invalid event type',
      detail: 'Event type does not exist or was deactivated. You should (re)create it.',
      id: 'EventTypeDoesNotExist',
      validation: null,
    });
  });

  it.each(IDS)('renders %s with exactly type, status, title, detail, id, validation', (id) => {
    const body = problemBody(new ProblemError(id));
    expect(Object.keys(body)).toEqual(['type', 'status', 'title', 'detail', 'id', 'validation']);
    expect(body).toEqual({ type: PROBLEM_TYPE_BASE + id.toLowerCase(), ...PROBLEMS[id], id, validation: null });
  });

  it('builds the type URL from the documented base and the lowercase id', () => {
    expect(PROBLEM_TYPE_BASE).toBe('https://documentation.hook0.com/reference/error-codes#');
    expect(problemBody(new ProblemError('AuthNoAuthorizationHeader')).type).toBe(
      'https://documentation.hook0.com/reference/error-codes#authnoauthorizationheader',
    );
  });

  it('uses a custom detail when given one', () => {
    const body = problemBody(new ProblemError('NotFound', 'Subscription not found.'));
    expect(body).toMatchObject({ status: 404, title: 'Item not found', detail: 'Subscription not found.', id: 'NotFound' });
  });

  it('carries the validation tree of a 422', () => {
    const validation: ValidationTree = {
      name: [{ code: 'length', message: null, params: { min: 2, max: 50, value: 'x' } }],
      target: { url: [{ code: 'url', message: 'invalid URL', params: {} }] },
    };
    const body = problemBody(new ProblemError('Validation', undefined, validation));
    expect(body.status).toBe(422);
    expect(body.validation).toEqual(validation);
    expect(JSON.parse(JSON.stringify(body)).validation).toEqual(validation);
  });
});

describe('the catalogue', () => {
  it('gives every Hook0 id it shares the status Hook0 uses', () => {
    const shared = IDS.filter((id) => id in HOOK0_STATUS);
    expect(shared.length).toBeGreaterThanOrEqual(15);
    for (const id of shared) expect(`${id} ${PROBLEMS[id].status}`).toBe(`${id} ${HOOK0_STATUS[id]}`);
  });

  it('uses Hook0 exact titles where documented', () => {
    for (const [id, title] of Object.entries(HOOK0_TITLES)) {
      if (id in PROBLEMS) expect(`${id}: ${PROBLEMS[id as ProblemId].title}`).toBe(`${id}: ${title}`);
    }
  });

  it('has ids whose lowercase forms are distinct, so every type URL is unique', () => {
    expect(new Set(IDS.map((id) => id.toLowerCase())).size).toBe(IDS.length);
  });

  it('has only error statuses, and a title and detail for each', () => {
    for (const id of IDS) {
      expect(PROBLEMS[id].status).toBeGreaterThanOrEqual(400);
      expect(PROBLEMS[id].status).toBeLessThan(600);
      expect(PROBLEMS[id].title.length).toBeGreaterThan(0);
      expect(PROBLEMS[id].detail.length).toBeGreaterThan(0);
    }
  });
});

describe('ProblemError', () => {
  it('is an Error carrying the id, status, title, detail, validation and headers', () => {
    const error = new ProblemError('ServiceUnavailable', undefined, null, { 'Retry-After': '5' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ProblemError',
      problemId: 'ServiceUnavailable',
      status: 503,
      title: 'Service unavailable',
      detail: PROBLEMS.ServiceUnavailable.detail,
      validation: null,
      headers: { 'Retry-After': '5' },
    });
    expect(error.message).toBe(`ServiceUnavailable: ${PROBLEMS.ServiceUnavailable.detail}`);
  });

  it('defaults to no validation and no extra headers', () => {
    const error = new ProblemError('Forbidden');
    expect(error.validation).toBeNull();
    expect(error.headers).toEqual({});
  });

  it('puts a custom detail in its message', () => {
    expect(new ProblemError('NotFound', 'No such event.').message).toBe('NotFound: No such event.');
  });
});
