import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { xml as xmlLanguage } from '@codemirror/lang-xml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { parseXml } from '../../shared/xml/parse';
import { XmlParseError } from '../../shared/xml/errors';

/** Where a text is not well-formed XML (one diagnostic on the line), or nothing. */
export function wellFormedness(text: string): { line: number; column: number; message: string } | undefined {
  try {
    parseXml(text);
    return undefined;
  } catch (error) {
    if (error instanceof XmlParseError)
      return { line: error.line, column: error.col, message: error.message };
    return { line: 1, column: 1, message: (error as Error).message };
  }
}

const wellFormedLinter = linter((view): Diagnostic[] => {
  const problem = wellFormedness(view.state.doc.toString());
  if (!problem) return [];
  const line = view.state.doc.line(Math.min(Math.max(problem.line, 1), view.state.doc.lines));
  return [{ from: line.from, to: line.to, severity: 'error', message: problem.message }];
});

export interface XmlEditorProps {
  value: string;
  label: string;
  onChange: (text: string) => void;
}

/** CodeMirror 6 with XML highlighting and a well-formedness check that marks the line as you type. */
export function XmlEditor({ value, label, onChange }: XmlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          xmlLanguage(),
          lintGutter(),
          wellFormedLinter,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once per item; new text from outside replaces its document below.
  }, [label]);
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);
  return <div ref={host} className="xml-editor" />;
}
