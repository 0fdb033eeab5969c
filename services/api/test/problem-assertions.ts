import type { Response } from 'supertest';

const PROBLEM_MEMBERS = ['detail', 'id', 'status', 'title', 'type', 'validation'];

/** The response is Hook0's problem+json, with exactly its six members, for this status and id. */
export function expectProblem(response: Response, status: number, id: string): void {
  const summary = `${response.status} ${JSON.stringify(response.body)}`;
  expect({ status: response.status, id: response.body?.id, summary }).toEqual({ status, id, summary });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Object.keys(response.body).sort()).toEqual(PROBLEM_MEMBERS);
  expect(response.body.status).toBe(status);
  expect(response.body.type).toBe(`https://documentation.hook0.com/reference/error-codes#${id.toLowerCase()}`);
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
  if (id === 'Validation') expect(response.body.validation).toEqual(expect.any(Object));
  else expect(response.body.validation).toBeNull();
}
