import type { ConfigVariable } from '@hook0/config';

/** The registry's Markdown as plain text: links keep their words, code and emphasis lose their marks. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\*\*|`/g, '');
}

/**
 * One entry of Hook0's `GET /environment_variables`. `name` is a label (the variable in lower snake case); the
 * default of a sensitive variable is never shown, and no current value ever is (docs/configuration.md).
 */
export function toEnvironmentVariableView(variable: ConfigVariable) {
  return {
    name: variable.name.toLowerCase(),
    env_var: variable.name,
    description: plainText(variable.description),
    default: variable.sensitive ? null : variable.default,
    sensitive: variable.sensitive,
    required: variable.required,
    group: variable.group,
  };
}
