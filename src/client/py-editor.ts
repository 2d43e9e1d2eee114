// The Python cells' editor: CodeMirror 6, loaded with a dynamic import the first time a student focuses or
// edits a cell (src/client/py-cell.ts), so pages that nobody edits never download it.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export interface EditorOptions {
  doc: string;
  /** The editable area's accessible name. */
  label: string;
  onChange: (code: string) => void;
  /** Shift+Enter. */
  onRun: () => void;
  /** Esc: the editor gives focus back to the page (Tab then indents, as in any code editor). */
  onEscape: () => void;
}

export interface CellEditor {
  code: () => string;
  setCode: (code: string) => void;
  focus: (position?: number) => void;
}

/** Colours come from CSS variables (PyCell.astro), so both themes keep their contrast. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'var(--py-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--py-string)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--py-comment)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--py-number)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))],
    color: 'var(--py-function)',
  },
  { tag: [tags.className, tags.definition(tags.className)], color: 'var(--py-function)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--code-bg)',
    border: '1px solid var(--border)',
    borderRadius: '0.375rem',
    fontSize: '0.9rem',
  },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { padding: '0.9rem 0', caretColor: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--accent-soft)',
  },
});

/** Replaces `placeholder` (the highlighted code rendered at build time) with an editor. */
export function createEditor(placeholder: Element, options: EditorOptions): CellEditor {
  const view = new EditorView({
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        python(),
        indentUnit.of('    '),
        syntaxHighlighting(highlight),
        theme,
        keymap.of([
          {
            key: 'Shift-Enter',
            run: () => {
              options.onRun();
              return true;
            },
          },
          {
            key: 'Escape',
            run: () => {
              options.onEscape();
              return true;
            },
          },
          indentWithTab,
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  placeholder.replaceWith(view.dom);
  return {
    code: () => view.state.doc.toString(),
    setCode: (code) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: (position) => {
      if (position !== undefined) view.dispatch({ selection: { anchor: Math.min(position, view.state.doc.length) } });
      view.focus();
    },
  };
}
