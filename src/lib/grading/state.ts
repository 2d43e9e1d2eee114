// The calculator's inputs as typed (raw strings, so nothing a student typed is lost, even if invalid), to
// and from a shareable URL query and a versioned record for localStorage.
//
// Query (keys may come in any order; other keys are ignored):
//   hw  one per homework row, in order, empty for an empty row   hw=7,5&hw=8&hw=
//   st  stress test                                             st=6
//   p   project as one grade                                    p=8
//   pc  one per project criterion, in the course's order;       pc=8&pc=7&pc=&pc=9&pc=10
//       present only when the project is graded by criteria
//   b   bonus points                                            b=0,5
//   t   what-if target: the lowest grade of the band            t=8
// Empty single fields are left out. Commas stay unescaped, so «7,5» reads as typed.
//
// Storage record: {"v":1,"hw":[…],"st":"","pm":"single"|"criteria","p":"","pc":[…],"b":"","t":8|null}

export type ProjectMode = 'single' | 'criteria';

export interface CalculatorState {
  /** One raw string per homework row; at least one row. */
  homework: string[];
  stressTest: string;
  projectMode: ProjectMode;
  /** The project as one grade (kept while the criteria are shown, and the other way round). */
  project: string;
  /** One raw string per project criterion. */
  criteria: string[];
  bonus: string;
  /** The what-if target: the lowest grade of a band, or null for none. */
  target: number | null;
}

/** What a state must look like for this course. */
export interface StateShape {
  /** Homework rows of a fresh calculator. */
  homeworkRows: number;
  /** Number of project criteria. */
  criteria: number;
  /** Valid what-if targets (the lowest grade of each band offered). */
  targets: readonly number[];
}

/** Most homework rows the calculator offers (and reads from a URL or a record). */
export const MAX_HOMEWORK_ROWS = 30;
/** Longest raw value kept from a URL or a record. */
const MAX_FIELD_LENGTH = 20;
/** Current version of the storage record. */
const RECORD_VERSION = 1;

const QUERY_KEYS = ['hw', 'st', 'p', 'pc', 'b', 't'] as const;
const RECORD_KEYS = ['v', 'hw', 'st', 'pm', 'p', 'pc', 'b', 't'];

/** A calculator with every field empty and no target. */
export function emptyState(shape: StateShape): CalculatorState {
  return {
    homework: Array.from({ length: shape.homeworkRows }, () => ''),
    stressTest: '',
    projectMode: 'single',
    project: '',
    criteria: Array.from({ length: shape.criteria }, () => ''),
    bonus: '',
    target: null,
  };
}

const encode = (value: string): string => encodeURIComponent(value).replaceAll('%2C', ',');

/**
 * The query string (without «?») that restores `state`; see the format at the top of this file.
 * @example toQuery({ ...emptyState(shape), homework: ['7,5', ''], stressTest: '6', target: 8 }) // 'hw=7,5&hw=&st=6&t=8'
 */
export function toQuery(state: CalculatorState): string {
  const pairs: [string, string][] = state.homework.map((v) => ['hw', v]);
  if (state.stressTest !== '') pairs.push(['st', state.stressTest]);
  if (state.projectMode === 'single' && state.project !== '') pairs.push(['p', state.project]);
  if (state.projectMode === 'criteria') pairs.push(...state.criteria.map((v): [string, string] => ['pc', v]));
  if (state.bonus !== '') pairs.push(['b', state.bonus]);
  if (state.target !== null) pairs.push(['t', String(state.target)]);
  return pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&');
}

const clip = (value: string): string => value.slice(0, MAX_FIELD_LENGTH);

/** `values` cut or padded with empty strings to exactly `length` entries. */
const fit = (values: readonly string[], length: number): string[] =>
  Array.from({ length }, (_, i) => clip(values[i] ?? ''));

const readTarget = (value: unknown, shape: StateShape): number | null =>
  typeof value === 'number' && shape.targets.includes(value) ? value : null;

/**
 * The state a shared URL's query describes, or null when the query has none of the calculator's keys.
 * Lenient: extra rows are dropped, missing criteria are empty, an unknown target is no target.
 * @example fromQuery('?hw=7,5&t=8', shape)?.homework // ['7,5']
 */
export function fromQuery(search: string, shape: StateShape): CalculatorState | null {
  const params = new URLSearchParams(search);
  if (!QUERY_KEYS.some((key) => params.has(key))) return null;
  const homework = params.getAll('hw').slice(0, MAX_HOMEWORK_ROWS);
  const criteria = params.getAll('pc');
  return {
    homework: homework.length > 0 ? homework.map(clip) : emptyState(shape).homework,
    stressTest: clip(params.get('st') ?? ''),
    projectMode: criteria.length > 0 ? 'criteria' : 'single',
    project: clip(params.get('p') ?? ''),
    criteria: fit(criteria, shape.criteria),
    bonus: clip(params.get('b') ?? ''),
    target: readTarget(Number(params.get('t') ?? ''), shape),
  };
}

/** The JSON record kept in localStorage. */
export function toRecord(state: CalculatorState): string {
  return JSON.stringify({
    v: RECORD_VERSION,
    hw: state.homework,
    st: state.stressTest,
    pm: state.projectMode,
    p: state.project,
    pc: state.criteria,
    b: state.bonus,
    t: state.target,
  });
}

const isField = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_FIELD_LENGTH;

const isFieldList = (value: unknown, minLength: number, maxLength: number): value is string[] =>
  Array.isArray(value) && value.length >= minLength && value.length <= maxLength && value.every(isField);

/**
 * The state in a stored record; null for anything that is not a valid record of this version for this
 * course (missing, unparsable, foreign, another version, wrong number of criteria). Never throws.
 * @example fromRecord('{oops', shape) // null
 */
export function fromRecord(text: string | null, shape: StateShape): CalculatorState | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const r = data as Record<string, unknown>;
  const keys = Object.keys(r);
  if (keys.length !== RECORD_KEYS.length || !RECORD_KEYS.every((key) => key in r)) return null;
  const { v, hw, st, pm, p, pc, b, t } = r;
  if (v !== RECORD_VERSION || !isFieldList(hw, 1, MAX_HOMEWORK_ROWS)) return null;
  if (!isFieldList(pc, shape.criteria, shape.criteria) || !isField(st) || !isField(p) || !isField(b)) return null;
  if (pm !== 'single' && pm !== 'criteria') return null;
  if (t !== null && readTarget(t, shape) === null) return null;
  return {
    homework: hw,
    stressTest: st,
    projectMode: pm,
    project: p,
    criteria: pc,
    bonus: b,
    target: readTarget(t, shape),
  };
}
