import { invalidFields, validationMessages } from './validation-messages';

const tree = {
  description: [{ code: 'length', message: 'description must be 1 to 100 characters', params: {} }],
  target: {
    url: [{ code: 'url', message: 'target.url must be an http(s) URL', params: {} }],
    headers: [{ code: 'custom', message: null, params: {} }],
  },
};

describe('validationMessages', () => {
  it('flattens the field tree into path: message lines, the code standing in for a missing message', () => {
    expect(validationMessages(tree)).toEqual([
      'description: description must be 1 to 100 characters',
      'target.url: target.url must be an http(s) URL',
      'target.headers: custom',
    ]);
  });

  it('gives nothing for a problem without a field tree', () => {
    expect(validationMessages(null)).toEqual([]);
    expect(validationMessages(undefined)).toEqual([]);
    expect(validationMessages('Validation')).toEqual([]);
  });
});

describe('invalidFields', () => {
  it('names the leaves of the tree by their dotted path', () => {
    expect(invalidFields(tree)).toEqual(['description', 'target.url', 'target.headers']);
  });
});
