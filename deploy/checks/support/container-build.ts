import { execFile } from 'node:child_process';
import { cp, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { execForm, type Instruction, type Stage } from './container-dockerfile';

const run = promisify(execFile);

/** Maps an absolute path inside a stage's filesystem to a path on this machine. */
export type StageFilesystem = (containerPath: string) => string;

export interface BuiltStage {
  readonly filesystem: StageFilesystem;
  readonly workdir: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface StageBuildOptions {
  readonly context: string;
  /** Earlier stages, and stages not laid out here with what stands for them (the build stage: the built checkout). */
  readonly builtStages: ReadonlyMap<string, BuiltStage>;
  /** Extra environment for RUN (e.g. npm_config_prefer_offline). */
  readonly runEnv: Readonly<Record<string, string>>;
}

/**
 * Lays out one stage under `root` as an image build would, without an engine: the filesystem, WORKDIR and ENV of an
 * earlier stage it starts FROM, then WORKDIR, ENV, COPY from the context or from an earlier stage, RUN through
 * `sh -c` in the WORKDIR. Other instructions only describe the image.
 */
export async function buildStage(stage: Stage, root: string, options: StageBuildOptions): Promise<BuiltStage> {
  const filesystem: StageFilesystem = (containerPath) => path.join(root, containerPath);
  const parent = options.builtStages.get(stage.base);
  if (parent) await cp(parent.filesystem('/'), root, { recursive: true, verbatimSymlinks: true });
  const env: Record<string, string> = { ...parent?.env };
  let workdir = parent?.workdir ?? '/';
  for (const instruction of stage.instructions) {
    switch (instruction.keyword) {
      case 'WORKDIR':
        workdir = path.posix.resolve(workdir, instruction.args);
        await mkdir(filesystem(workdir), { recursive: true });
        break;
      case 'ENV':
        Object.assign(env, parseEnv(instruction.args));
        break;
      case 'COPY':
        await copy(instruction, workdir, filesystem, options);
        break;
      case 'RUN':
        await run('sh', ['-c', instruction.args], {
          cwd: filesystem(workdir),
          env: { ...process.env, ...env, ...options.runEnv },
          maxBuffer: 64 * 1024 * 1024,
        }).catch((error: { stderr?: string }) => {
          throw new Error(`RUN ${instruction.args} failed in stage ${stage.name}: ${error.stderr ?? String(error)}`);
        });
        break;
      default:
        break;
    }
  }
  return { filesystem, workdir, env };
}

async function copy(instruction: Instruction, workdir: string, target: StageFilesystem, options: StageBuildOptions): Promise<void> {
  const words = execForm(instruction) ?? instruction.args.split(/\s+/);
  const sources = words.slice(0, -1);
  const destination = words[words.length - 1];
  const destinationPath = path.posix.resolve(workdir, destination);
  const intoDirectory = destination.endsWith('/') || sources.length > 1;
  const source = sourceFilesystem(instruction.flags.from, options);
  for (const name of sources) {
    const from = source(name);
    // COPY puts a directory's contents, not the directory itself, at the destination.
    const isDirectory = (await stat(from)).isDirectory();
    const to = isDirectory || !intoDirectory ? destinationPath : path.posix.join(destinationPath, path.posix.basename(name));
    await cp(from, target(to), { recursive: true, verbatimSymlinks: true });
  }
}

function sourceFilesystem(from: string | undefined, options: StageBuildOptions): (name: string) => string {
  if (from === undefined) return (name) => path.join(options.context, name);
  const stage = options.builtStages.get(from);
  if (!stage) throw new Error(`COPY --from=${from}: stage not built yet`);
  return (name) => stage.filesystem(path.posix.resolve('/', name));
}

function parseEnv(args: string): Record<string, string> {
  const pairs = args.split(/\s+/).map((pair) => pair.split('='));
  if (pairs.some((pair) => pair.length !== 2)) throw new Error(`ENV ${args}: only the KEY=value form is supported`);
  return Object.fromEntries(pairs);
}
