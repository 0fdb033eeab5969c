import { readFileSync } from 'node:fs';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export interface MarkdownSection {
  readonly anchor: string;
  /** The text up to the next heading of any level. */
  readonly body: string;
}

/** The sections of a Markdown file by heading, with the anchors GitHub gives them (a repeated one gets -1, -2…). */
export function markdownSections(path: string): MarkdownSection[] {
  const sections: { anchor: string; lines: string[] }[] = [];
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const base = headingAnchor(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      sections.push({ anchor: count === 0 ? base : `${base}-${count}`, lines: [] });
    } else {
      sections.at(-1)?.lines.push(line);
    }
  }
  return sections.map((section) => ({ anchor: section.anchor, body: section.lines.join('\n') }));
}
