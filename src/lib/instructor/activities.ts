// Runs at build time and in unit tests: the interactive parts of a chapter (cells, quizzes, labs),
// found in its MDX source, with the deep link of each, for the instructor page.
import { Slugger } from '../slug.ts';

export type ActivityKind = 'cell' | 'quiz' | 'lab';

/** Props of a component as written in MDX (`id="x"` → `{ id: 'x' }`, a bare `hidden` → `{ hidden: '' }`). */
export type Props = Readonly<Record<string, string>>;

/** How the instructor page lists one MDX component. */
export interface ActivityComponent {
  kind: ActivityKind;
  /** The element id the component renders for these props (its deep link), or null for the enclosing section. */
  anchor: (props: Props) => string | null;
  /** Whether this use is listed at all (hidden setup cells are not). */
  listed?: (props: Props) => boolean;
}

/**
 * The components the instructor page lists, with the ids they render (see each component's doc comment).
 * A new interactive component plugs in by adding a line here.
 */
export const ACTIVITY_COMPONENTS: Readonly<Record<string, ActivityComponent>> = {
  PyCell: {
    kind: 'cell',
    anchor: (p) => (p['id'] === undefined ? null : `cell-${p['id']}`),
    listed: (p) => !('hidden' in p),
  },
  Quiz: { kind: 'quiz', anchor: (p) => (p['id'] === undefined ? null : `quiz-${p['id']}`) },
  DriftLab: { kind: 'lab', anchor: (p) => `${p['id'] ?? 'drift'}-samples` },
  LatencyLab: { kind: 'lab', anchor: (p) => `${p['id'] ?? 'latency'}-title` },
};

/** A section of the chapter: its heading's anchor and text. */
export interface Section {
  id: string;
  title: string;
}

export interface Activity {
  kind: ActivityKind;
  /** The MDX component, e.g. `PyCell`. */
  component: string;
  props: Props;
  /** Deep link fragment, without `#`. */
  anchor: string;
  /** The `##`–`######` section the component sits in; null before the first heading. */
  section: Section | null;
}

/**
 * Parses JSX attributes: `id="a" timeLimit={10} setup` → `{ id: 'a', timeLimit: '10', setup: '' }`.
 * @example parseProps(` id="cace" preset={'x'}`) // { id: 'cace', preset: 'x' }
 */
export function parseProps(source: string): Props {
  const props: Record<string, string> = {};
  for (const m of source.matchAll(/([A-Za-z_][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}))?/g)) {
    const name = m[1] ?? '';
    const raw = m[2] ?? m[3] ?? m[4]?.trim().replace(/^(['"`])(.*)\1$/, '$2') ?? '';
    props[name] = raw;
  }
  return props;
}

/** Plain text of a Markdown heading line: links, emphasis and code marks removed. */
function headingText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** The body with fenced code blocks blanked out (line breaks kept), so that code never counts as markup. */
function withoutCode(body: string): string {
  return body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/**
 * The listed components of an MDX body in order, each with its anchor and section. Section ids follow the
 * book's heading scheme (src/lib/slug.ts, repeats numbered), as rehype-heading-anchors assigns them.
 * @example chapterActivities('## Код\n\n<PyCell id="demo">') //
 *   [{ kind: 'cell', component: 'PyCell', props: { id: 'demo' }, anchor: 'cell-demo', section: { id: 'kod', title: 'Код' } }]
 */
export function chapterActivities(
  body: string,
  components: Readonly<Record<string, ActivityComponent>> = ACTIVITY_COMPONENTS,
): Activity[] {
  const text = withoutCode(body);
  const names = Object.keys(components);
  if (names.length === 0) return [];
  const pattern = new RegExp(`^(#{2,6})[ \\t]+(.+?)[ \\t]*#*$|<(${names.join('|')})\\b([^>]*?)\\/?>`, 'gm');
  const slugger = new Slugger();
  const found: Activity[] = [];
  let section: Section | null = null;
  for (const m of text.matchAll(pattern)) {
    if (m[2] !== undefined) {
      const title = headingText(m[2]);
      section = { id: slugger.slug(title), title };
      continue;
    }
    const component = m[3] ?? '';
    const spec = components[component];
    if (spec === undefined) continue;
    const props = parseProps(m[4] ?? '');
    if (spec.listed !== undefined && !spec.listed(props)) continue;
    const anchor = spec.anchor(props) ?? section?.id;
    if (anchor === undefined) continue;
    found.push({ kind: spec.kind, component, props, anchor, section });
  }
  return found;
}
