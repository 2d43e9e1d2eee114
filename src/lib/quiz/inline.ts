// Runs at build time and in the browser: the only markup quiz text may carry, `code` in backticks.

/** A run of plain text or of inline code. */
export interface Segment {
  code: boolean;
  text: string;
}

/**
 * Splits quiz text into plain and code runs. A backtick without a partner is kept as a character.
 * @example inlineSegments('Вызов `model.predict(x)` — ML') // [{code:false,text:'Вызов '},{code:true,text:'model.predict(x)'},{code:false,text:' — ML'}]
 */
export function inlineSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ code: false, text: text.slice(last, match.index) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}
