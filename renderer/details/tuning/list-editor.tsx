import { useDetailsT } from '../details-strings';
import type { ListEdits } from './list-edits';
import type { ListDef } from './tuning-fields';

/** One repeated element as a table of rows: each cell a labelled control, Add and Remove. */
export function ListEditor({
  def,
  edits,
  pending,
}: {
  def: ListDef;
  edits: ListEdits;
  pending: readonly string[];
}) {
  const t = useDetailsT();
  const rows = edits.rowsOf(def);
  const listName = t(def.label);
  const set = (i: number, key: string, value: string) =>
    edits.setRows(
      def,
      rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)),
    );
  const problems = edits.problems.filter((p) => p.field === `${def.view}.${def.key}`);
  return (
    <fieldset className="tuning-list">
      <legend>{listName}</legend>
      {rows.length === 0 && <p className="field-hint">{t('tnNoRows')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {def.columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(c.label)}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {def.columns.map((c) => {
                  const label = t('tnCellLabel', { column: t(c.label), row: i + 1, list: listName });
                  const value = row[c.key] ?? '';
                  return (
                    <td key={c.key}>
                      {c.input === 'select' || c.input === 'onoff' ? (
                        <select
                          aria-label={label}
                          value={value}
                          onChange={(e) => set(i, c.key, e.target.value)}
                        >
                          <option value="">{t('none')}</option>
                          {[...new Set([...(c.options ?? ['on', 'off']), ...(value ? [value] : [])])].map(
                            (o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ),
                          )}
                        </select>
                      ) : (
                        <input
                          aria-label={label}
                          value={value}
                          inputMode={c.input === 'number' ? 'numeric' : undefined}
                          onChange={(e) => set(i, c.key, e.target.value)}
                        />
                      )}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    aria-label={t('tnRemoveRow', { row: i + 1, list: listName })}
                    onClick={() =>
                      edits.setRows(
                        def,
                        rows.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('tnRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        aria-label={t('tnAddRow', { list: listName })}
        onClick={() => edits.setRows(def, [...rows, {}])}
      >
        {t('tnAdd')}
      </button>
      {(problems.length > 0 || pending.includes(`${def.view}.${def.key}`)) && (
        <p className="field-note" role="status">
          {problems.map((p) => t(p.code as never)).join(' ')}
          {pending.includes(`${def.view}.${def.key}`) && (
            <span className="pending-note">{t('nextShutdown')}</span>
          )}
        </p>
      )}
    </fieldset>
  );
}
