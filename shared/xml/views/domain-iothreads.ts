// I/O threads (<iothreads> count and their ids): the threads iothreadpin pins and disks use.
import { documentRoot, type XmlDocument } from '../document';
import { intAttr, intText, readFields, writeFields, type FieldValues } from './fields';
import { list } from './list-field';

export const iothreadFields = {
  count: intText('iothreads'),
  ids: list('iothreadids', 'iothread', { id: intAttr('', 'id') }),
};

export type Iothreads = FieldValues<typeof iothreadFields>;

export const readIothreads = (doc: XmlDocument): Iothreads => readFields(documentRoot(doc), iothreadFields);
export const writeIothreads = (doc: XmlDocument, patch: Iothreads): void =>
  writeFields(documentRoot(doc), iothreadFields, patch);
