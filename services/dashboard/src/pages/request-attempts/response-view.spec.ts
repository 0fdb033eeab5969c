import { errorKindLabel, headerValue, responseBodyView, sortedHeaders } from './response-view';

describe('errorKindLabel', () => {
  it('says what a network error was, keeping its name', () => {
    expect(errorKindLabel('E_TIMEOUT')).toBe('Timed out waiting for the target (E_TIMEOUT)');
    expect(errorKindLabel('E_CONNECTION')).toBe('Could not connect to the target (E_CONNECTION)');
  });

  it('shows an unknown name as it is, and nothing when there is none', () => {
    expect(errorKindLabel('E_SOMETHING_NEW')).toBe('E_SOMETHING_NEW');
    expect(errorKindLabel(null)).toBeNull();
  });
});

describe('responseBodyView', () => {
  it('pretty-prints a JSON body', () => {
    expect(responseBodyView('{"ok":true}', { 'Content-Type': 'application/json; charset=utf-8' })).toEqual({
      text: '{\n  "ok": true\n}',
      pretty: true,
    });
  });

  it('pretty-prints a body that is a JSON object even without a content type', () => {
    expect(responseBodyView('[1]', null)).toEqual({ text: '[\n  1\n]', pretty: true });
  });

  it('keeps text, and JSON that does not parse, as it came', () => {
    expect(responseBodyView('thanks', { 'content-type': 'text/plain' })).toEqual({ text: 'thanks', pretty: false });
    expect(responseBodyView('{"cut', { 'content-type': 'application/json' })).toEqual({ text: '{"cut', pretty: false });
  });

  it('answers null for no body or an empty one', () => {
    expect(responseBodyView(null, null)).toBeNull();
    expect(responseBodyView('', {})).toBeNull();
  });
});

describe('headers', () => {
  it('finds a header whatever the case and sorts them by name', () => {
    const headers = { 'x-b': '2', 'Content-Type': 'text/plain', 'x-a': '1' };
    expect(headerValue(headers, 'content-type')).toBe('text/plain');
    expect(headerValue(null, 'content-type')).toBeUndefined();
    expect(sortedHeaders(headers).map(([name]) => name)).toEqual(['Content-Type', 'x-a', 'x-b']);
    expect(sortedHeaders(null)).toEqual([]);
  });
});
