import type { ConfigVariable } from './config-variable';
import { envExampleServiceVariables } from './env-example';
import { CONFIG_VARIABLES } from './variable-registry';

const INTRO = [
  '# Configuration',
  '',
  '',
  'Environment variables, validated at start: a wrong value stops the process with a message naming every bad variable.',
  'Durations take `500ms`, `3s`, `10m`, `1h`, `1d`.',
  '',
  'Generated from `libs/config/src/registry/` by `npm run docs:config`: change the registry, not this file. The same',
  'list is served by `GET /api/v1/environment_variables`, which never shows a value, nor the default of a variable',
  'marked *sensitive*.',
];

const deployIntro = () => [
  'docker-compose.yml reads these from `.env` (copy `.env.example`, generated from the same list); they reach no service',
  `directly. \`.env\` also sets ${envExampleServiceVariables()
    .map((name) => `\`${name}\``)
    .join(' and ')}, which compose passes to the services.`,
];

const TABLE_HEAD = ['| Variable | Default | Service | Meaning |', '| --- | --- | --- | --- |'];

function defaultCell(variable: ConfigVariable): string {
  if (variable.default !== null) return `\`${variable.default}\``;
  return variable.required ? 'required' : 'unset';
}

function row(variable: ConfigVariable): string {
  const meaning = variable.sensitive ? `*sensitive*: ${variable.description}` : variable.description;
  return `| \`${variable.name}\` | ${defaultCell(variable)} | ${variable.service} | ${meaning} |`;
}

/** The text of docs/configuration.md: one table per group, in the registry's order. */
export function renderConfigurationDoc(): string {
  const groups = [...new Set(CONFIG_VARIABLES.map((variable) => variable.group))];
  const sections = groups.map((group) => {
    const variables = CONFIG_VARIABLES.filter((variable) => variable.group === group);
    const intro = variables.every((variable) => variable.kind === 'deploy') ? [...deployIntro(), ''] : [];
    return ['', `## ${group}`, '', ...intro, ...TABLE_HEAD, ...variables.map(row)];
  });
  return [...INTRO, ...sections.flat(), ''].join('\n');
}
