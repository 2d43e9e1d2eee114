// Runs at build time and in tests: a short fingerprint of what decides a question's answer, so that a
// saved answer to a question that has since changed is flagged instead of silently mis-scored.
import type { Question } from './schema.ts';

/**
 * 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. Not cryptographic: it only has to
 * notice that a question changed.
 * Reference: Fowler, Noll, Vo, «FNV hash», IETF draft-eastlake-fnv (offset basis 2166136261, prime 16777619).
 * @example fnv1a('') // '811c9dc5'
 * @example fnv1a('a') // 'e40c292c'
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The parts of a question that decide what is correct: not hints, not explanations. */
function answerKey(question: Question): unknown {
  const base = [question.type, squash(question.prompt)];
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [...base, question.options.map((o) => [squash(o.text), o.correct])];
    case 'numeric':
      return [...base, question.answer];
    case 'text':
      return [...base, question.accept, question.pattern ?? null];
    case 'ordering':
      return [...base, question.items.map(squash)];
    case 'code':
      return [...base, question.checks.map((c) => c.code)];
  }
}

/**
 * Fingerprint of a question's answer key. Changes when the prompt, an option, the correct options, the
 * accepted answers, the steps or the checks change; stays when only hints, explanations, a unit or spacing
 * change.
 * @example questionHash(question) // '5f2c0a1e'
 */
export function questionHash(question: Question): string {
  return fnv1a(JSON.stringify(answerKey(question)));
}
