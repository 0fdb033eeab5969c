import { readFileSync } from 'node:fs';

/** One instruction: `COPY --from=build /app/dist dist` → keyword COPY, flags { from: 'build' }, args '/app/dist dist'. */
export interface Instruction {
  readonly keyword: string;
  readonly flags: Readonly<Record<string, string>>;
  readonly args: string;
}

export interface Stage {
  readonly name: string;
  readonly base: string;
  readonly instructions: readonly Instruction[];
}

/**
 * Just enough of the Dockerfile syntax for what this repository's Dockerfile uses: comments, line continuations,
 * `--flag=value` options and `FROM image AS name`. No ARG or variable substitution.
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: { name: string; base: string; instructions: Instruction[] }[] = [];
  for (const line of logicalLines(text)) {
    const instruction = parseInstruction(line);
    if (instruction.keyword === 'FROM') {
      const [base, as, name] = instruction.args.split(/\s+/);
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : String(stages.length), instructions: [] });
    } else if (stages.length === 0) {
      throw new Error(`instruction before the first FROM: ${line}`);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

export function readDockerfile(file: string): Stage[] {
  return parseDockerfile(readFileSync(file, 'utf8'));
}

/** The JSON array of an exec-form instruction (`CMD ["node", "main.js"]`), or null for the shell form. */
export function execForm(instruction: Instruction): string[] | null {
  if (!instruction.args.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(instruction.args);
  return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole) lines.push(whole);
  }
  if (pending.trim()) lines.push(pending.trim());
  return lines;
}

function parseInstruction(line: string): Instruction {
  const [keyword, ...words] = line.split(/\s+/);
  const flags: Record<string, string> = {};
  while (words[0]?.startsWith('--')) {
    const [name, ...value] = words.shift()!.slice(2).split('=');
    flags[name] = value.join('=');
  }
  return { keyword: keyword.toUpperCase(), flags, args: words.join(' ') };
}
