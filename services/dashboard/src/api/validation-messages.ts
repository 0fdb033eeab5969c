/** One rule a field broke, as the API's 422 `Validation` field tree lists it (docs/api.md "Errors"). */
interface ValidationEntry {
  readonly code?: string;
  readonly message?: string | null;
}

type ValidationTree = { readonly [field: string]: readonly ValidationEntry[] | ValidationTree };

function isTree(value: unknown): value is ValidationTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every broken rule of a field tree as `path: message` (the rule's code when it has no message), in tree order. */
export function validationMessages(validation: unknown, path = ''): string[] {
  if (!isTree(validation)) return [];
  return Object.entries(validation).flatMap(([field, node]) => {
    const fieldPath = path ? `${path}.${field}` : field;
    if (!Array.isArray(node)) return validationMessages(node, fieldPath);
    return (node as readonly ValidationEntry[]).map((entry) => `${fieldPath}: ${entry.message ?? entry.code ?? 'invalid'}`);
  });
}

/** The dotted paths of the fields a field tree names (`target.url`), to mark their inputs invalid. */
export function invalidFields(validation: unknown, path = ''): string[] {
  if (!isTree(validation)) return [];
  return Object.entries(validation).flatMap(([field, node]) => {
    const fieldPath = path ? `${path}.${field}` : field;
    return Array.isArray(node) ? [fieldPath] : invalidFields(node, fieldPath);
  });
}
