import { targetProblem } from './target-validation';

const request = {
  poolKey: 'app',
  method: 'POST',
  url: 'https://hooks.acme.test/in',
  headers: { 'content-type': 'application/json' },
  body: Buffer.alloc(0),
};

describe('targetProblem', () => {
  it('accepts an http(s) URL, a token method and valid headers', () => {
    expect(targetProblem(request)).toBeNull();
    expect(targetProblem({ ...request, url: 'http://127.0.0.1:8080/x?y=1', method: 'PATCH' })).toBeNull();
  });

  it.each([
    ['an unparsable URL', { url: 'not a url' }],
    ['another protocol', { url: 'ftp://hooks.acme.test/in' }],
    ['a method that is not a token', { method: 'PO ST' }],
    ['a header value with a line break', { headers: { 'x-a': 'one\r\nx-b: two' } }],
    ['a header name with a space', { headers: { 'x a': 'one' } }],
  ])('refuses %s', (_, change) => {
    expect(targetProblem({ ...request, ...change })).not.toBeNull();
  });
});
