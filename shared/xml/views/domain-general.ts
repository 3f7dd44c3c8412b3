// Identity and descriptive fields of a domain: name, uuid, title, description, hypervisor type.
import { documentRoot, type XmlDocument } from '../document';
import { attr, readFields, text, writeFields, type FieldValues } from './fields';

export const generalFields = {
  type: attr<'kvm' | 'qemu' | 'test' | 'xen' | 'lxc'>('', 'type'),
  name: text('name'),
  uuid: text('uuid'),
  genid: text('genid'),
  title: text('title'),
  description: text('description'),
};

export type DomainGeneral = FieldValues<typeof generalFields>;

export function readGeneral(doc: XmlDocument): DomainGeneral {
  return readFields(documentRoot(doc), generalFields);
}

export function writeGeneral(doc: XmlDocument, patch: DomainGeneral): void {
  writeFields(documentRoot(doc), generalFields, patch);
}
