import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCompose, service } from './support/compose-file';
import { REPO_ROOT } from './support/repo-path';
import { execForm, parseDockerfile, readDockerfile, type Instruction, type Stage } from './support/container-dockerfile';

const stages = readDockerfile(path.join(REPO_ROOT, 'Dockerfile'));
const runtime = stages[stages.length - 1];
const ROLES = ['api', 'dispatcher', 'migrate'];

function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

function stageNamed(name: string): Stage {
  const found = stages.find((stage) => stage.name === name);
  if (!found) throw new Error(`no stage named ${name}`);
  return found;
}

describe('the Dockerfile parser', () => {
  it('reads stages, flags, continuations and exec forms', () => {
    const [build, final] = parseDockerfile(
      '# c\nFROM a:1 AS build\nRUN --mount=type=cache,target=/x npm \\\n  ci\nFROM b\nCMD ["node", "m.js"]\n',
    );
    expect(build).toEqual({
      name: 'build',
      base: 'a:1',
      instructions: [{ keyword: 'RUN', flags: { mount: 'type=cache,target=/x' }, args: 'npm ci' }],
    });
    expect(final.name).toBe('1');
    expect(execForm(final.instructions[0])).toEqual(['node', 'm.js']);
  });
});

describe('Dockerfile', () => {
  it('builds in several stages on Node 22 LTS (bookworm-slim) and runs the last one as numeric user 10001', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const stageNames = new Set(stages.map((stage) => stage.name));
    const images = stages.map((stage) => stage.base).filter((base) => !stageNames.has(base));
    expect(new Set(images)).toEqual(new Set(['node:22-bookworm-slim']));
    const users = instructions(runtime, 'USER').map((instruction) => instruction.args);
    expect(users).toEqual(['10001:10001']);
  });

  it('starts node directly in exec form (no npm, no shell), and so does every role in docker-compose.yml', () => {
    expect(instructions(runtime, 'ENTRYPOINT')).toEqual([]);
    const [cmd] = instructions(runtime, 'CMD');
    expect(execForm(cmd)).toEqual(['node', 'services/api/dist/main.js']);
    const compose = loadCompose();
    for (const role of ROLES) {
      expect({ role, command: service(compose, role).command }).toEqual({
        role,
        command: ['node', expect.stringMatching(/^[\w/-]+\/dist\/[\w-]+\.js$/)],
      });
    }
  });

  it('takes node_modules from a stage that installs with npm ci --omit=dev', () => {
    const nodeModules = instructions(runtime, 'COPY').filter((copy) => copy.args.split(/\s+/).some((word) => /\/node_modules$/.test(word)));
    expect(nodeModules).toHaveLength(1);
    const installs = instructions(stageNamed(nodeModules[0].flags.from), 'RUN').map((instruction) => instruction.args);
    expect(installs).toEqual([expect.stringMatching(/^npm ci .*--omit=dev/)]);
  });

  it("needs no frontend image: no `# syntax=` line (BuildKit's built-in frontend handles the cache mounts)", () => {
    expect(readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8')).not.toMatch(/^#\s*syntax\s*=/im);
  });

  it('labels the image with the OCI annotations', () => {
    const labels = Object.fromEntries(
      instructions(runtime, 'LABEL').flatMap((instruction) =>
        [...instruction.args.matchAll(/([\w.-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]),
      ),
    );
    expect(Object.keys(labels).sort()).toEqual(
      ['base.name', 'description', 'licenses', 'revision', 'source', 'title', 'version'].map((key) => `org.opencontainers.image.${key}`),
    );
    expect(labels['org.opencontainers.image.licenses']).toBe(
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).license,
    );
    expect(labels['org.opencontainers.image.base.name']).toBe(`docker.io/library/${runtime.base}`);
  });

  it('runs in production mode and exposes the API and both ops ports', () => {
    expect(instructions(runtime, 'ENV').map((instruction) => instruction.args)).toContain('NODE_ENV=production');
    const ports = instructions(runtime, 'EXPOSE').flatMap((instruction) => instruction.args.split(/\s+/));
    expect(ports.sort()).toEqual(['8081', '9464', '9465']);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('keeps local installs, build output and history out of the build context', () => {
    expect(ignored).toEqual(
      expect.arrayContaining(['.git', '**/node_modules', '**/dist', '**/*.tsbuildinfo', 'coverage', 'bench-results']),
    );
  });

  it('keeps everything the Dockerfile copies from the context', () => {
    const contextSources = stages
      .flatMap((stage) => instructions(stage, 'COPY'))
      .filter((copy) => copy.flags.from === undefined)
      .flatMap((copy) => copy.args.split(/\s+/).slice(0, -1));
    for (const source of contextSources) {
      const ignoredBy = ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`));
      expect({ source, ignoredBy }).toEqual({ source, ignoredBy: [] });
    }
  });
});
