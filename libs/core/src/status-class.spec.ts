import { statusClass } from './status-class';

describe('statusClass', () => {
  it.each([
    [200, '2xx'],
    [299, '2xx'],
    [302, '3xx'],
    [404, '4xx'],
    [429, '4xx'],
    [503, '5xx'],
    [null, 'none'],
  ] as const)('labels %p as %p', (status, label) => {
    expect(statusClass(status)).toBe(label);
  });
});
