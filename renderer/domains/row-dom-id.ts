/** The DOM id of a list row (ids may not contain whitespace). */
export const rowDomId = (rowId: string): string => `vd-row-${rowId.replace(/\s/g, '_')}`;
