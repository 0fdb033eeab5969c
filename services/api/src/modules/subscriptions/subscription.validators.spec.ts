import { forbiddenHeaders, httpUrlProblem, isHeaderMap } from './subscription.validators';

describe('httpUrlProblem', () => {
  it.each(['https://x.test', 'http://127.0.0.1:8080/a?b=c', 'http://[::1]/', 'http:x.test', 'https://user:pw@x.test/p#f'])(
    'accepts %s',
    (url) => {
      expect(httpUrlProblem(url)).toBeNull();
    },
  );

  it.each([
    ['not a url', 'is not a valid URL'],
    ['ftp://x.test/', 'has scheme "ftp"; only http and https are allowed'],
    ['mailto:a@x.test', 'has scheme "mailto"; only http and https are allowed'],
    ['http://', 'is not a valid URL'],
    ['https://exa mple.test/', 'is not a valid URL'],
    ['', 'is not a valid URL'],
  ])('refuses %j: %s', (url, reason) => {
    expect(httpUrlProblem(url)).toBe(reason);
  });

  it('refuses non-strings', () => {
    expect(httpUrlProblem(42)).toBe('must be a string');
  });
});

describe('isHeaderMap', () => {
  it('accepts tokens mapped to printable ASCII, and an empty map', () => {
    expect(isHeaderMap({})).toBe(true);
    expect(isHeaderMap({ 'X-Api-Key': 'k', "a!#$%&'*+-.^_`|~9": ' visible ~ text\t' })).toBe(true);
  });

  it.each([
    ['a list', ['a']],
    ['null', null],
    ['a number value', { a: 1 }],
    ['an empty name', { '': 'v' }],
    ['a name with a colon', { 'a:b': 'v' }],
    ['a name with a space', { 'a b': 'v' }],
    ['a value with CR LF', { a: 'v\r\nx: 1' }],
    ['a value with NUL', { a: 'v\u0000' }],
    ['a non-ASCII value', { a: 'é' }],
    ['names equal but for case', { 'X-A': '1', 'x-a': '2' }],
  ])('refuses %s', (_case, value) => {
    expect(isHeaderMap(value)).toBe(false);
  });
});

describe('forbiddenHeaders', () => {
  it('names each header a subscription may not set, as given, with why', () => {
    expect(forbiddenHeaders({ 'X-Api-Key': 'k', Host: 'h', 'proxy-authorization': 'p' })).toEqual([
      '"Host" (the server sets it from the target URL)',
      '"proxy-authorization" (it governs the connection, which the server owns)',
    ]);
  });

  it('finds nothing in allowed headers or in a value that is not a map', () => {
    expect(forbiddenHeaders({ Authorization: 'Bearer t', 'User-Agent': 'acme' })).toEqual([]);
    expect(forbiddenHeaders(null)).toEqual([]);
    expect(forbiddenHeaders('host')).toEqual([]);
  });
});
