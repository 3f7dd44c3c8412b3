// Rows of a repeated element (pins, page sizes, memnodes, guest cells, devices, timers) as typed
// strings, and back to the view's list value: only lists whose rows changed become changes.
import { useMemo, useState } from 'react';
import type { EditChange, EditProblem, FieldValue } from '../../../shared/api/domain-edit';
import { parseSize, showSize } from '../../../shared/domain-edit/size-input';
import { documentRoot, type XmlDocument } from '../../../shared/xml/document';
import { DOMAIN_FIELDS } from '../../../shared/xml/views/domain-views';
import { readFields, type FieldSpec } from '../../../shared/xml/views/fields';
import type { ListColumn, ListDef } from './tuning-fields';

export type Rows = Record<string, string>[];

export const listId = (def: Pick<ListDef, 'view' | 'key'>): string => `${def.view}.${def.key}`;

function cellText(column: ListColumn, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (column.input === 'size') return showSize(Number(value));
  if (column.input === 'onoff') return value === true ? 'on' : 'off';
  return String(value);
}

function cellValue(column: ListColumn, text: string): string | number | boolean | null | Error {
  const t = text.trim();
  if (t === '') return null;
  if (column.input === 'size') return parseSize(t);
  if (column.input === 'onoff') return t === 'on';
  if (column.input === 'number') {
    const n = Number(t);
    return Number.isInteger(n) && n >= 0 ? n : new Error('notANumber');
  }
  return t;
}

/** The rows a list has in the document. */
export function readRows(doc: XmlDocument, def: ListDef): Rows {
  const spec: FieldSpec = DOMAIN_FIELDS[def.view];
  const items = (readFields(documentRoot(doc), spec) as Record<string, unknown>)[def.key];
  return ((items as Record<string, unknown>[] | undefined) ?? []).map((item) =>
    Object.fromEntries(def.columns.map((c) => [c.key, cellText(c, item[c.key])])),
  );
}

/** The view's list value for rows, or the problems of cells that are not values. */
export function rowsValue(def: ListDef, rows: Rows): FieldValue | EditProblem[] {
  const problems: EditProblem[] = [];
  const items = rows.map((row) =>
    Object.fromEntries(
      def.columns.map((c) => {
        const value = cellValue(c, row[c.key] ?? '');
        if (value instanceof Error) {
          problems.push({ field: listId(def), code: value.message, message: value.message });
          return [c.key, null];
        }
        return [c.key, value];
      }),
    ),
  );
  if (problems.length > 0) return problems;
  return items.length > 0 ? items : null;
}

const same = (a: Rows, b: Rows) => JSON.stringify(a) === JSON.stringify(b);

/** Editable rows for `defs` over `doc`: the changes they make, their problems, and a reset. */
export function useListEdits(doc: XmlDocument, defs: readonly ListDef[]) {
  const initial = useMemo(() => new Map(defs.map((d) => [listId(d), readRows(doc, d)])), [doc, defs]);
  const [edited, setEdited] = useState(new Map<string, Rows>());
  const rowsOf = (def: ListDef): Rows => edited.get(listId(def)) ?? initial.get(listId(def)) ?? [];
  const changes: EditChange[] = [];
  const problems: EditProblem[] = [];
  for (const def of defs) {
    const rows = rowsOf(def);
    if (same(rows, initial.get(listId(def)) ?? [])) continue;
    const value = rowsValue(def, rows);
    if (Array.isArray(value) && value.some((v) => 'code' in v)) problems.push(...(value as EditProblem[]));
    else changes.push({ target: 'domain', view: def.view, patch: { [def.key]: value as FieldValue } });
  }
  return {
    rowsOf,
    setRows: (def: ListDef, rows: Rows) => setEdited((m) => new Map(m).set(listId(def), rows)),
    changes,
    problems,
    reset: () => setEdited(new Map()),
  };
}

export type ListEdits = ReturnType<typeof useListEdits>;
