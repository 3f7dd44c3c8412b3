// Declarative fields: each names the node it owns (a path below the view's base element, plus an
// attribute or the element's text) and how to convert its value. `readFields` turns a spec into a
// plain object; `writeFields` applies a patch, touching only the fields present in it. Writing
// `undefined` removes the attribute/text and prunes elements left empty.
import { readElements } from '../quick-read';
import type { XmlElement } from '../document';
import { getAttr, getText, setAttr, setText } from '../node-ops';
import { ensure, prune, removeAt, resolve } from '../view-path';

export interface Field<T> {
  read(base: XmlElement): T | undefined;
  write(base: XmlElement, value: T | undefined, depth: number): void;
  /** Where the value sits, for reading it from text without the lossless model (`readFieldsQuick`). */
  readonly source?: { path: string; attr?: string; decode(raw: string): T | undefined };
}

export type FieldSpec = Record<string, Field<unknown>>;
export type FieldValues<S extends FieldSpec> = { [K in keyof S]?: S[K] extends Field<infer T> ? T : never };

interface Codec<T> {
  decode(raw: string): T | undefined;
  encode(value: T): string;
}

const stringCodec: Codec<string> = { decode: (s) => s, encode: (s) => s };
const intCodec: Codec<number> = {
  decode: (s) => {
    const t = s.trim();
    if (!/^[+-]?(\d+|0x[0-9a-fA-F]+)$/.test(t)) return undefined;
    return Number(t);
  },
  encode: (n) => {
    if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
    return String(n);
  },
};

function boolCodec(yes: string, no: string): Codec<boolean> {
  return {
    decode: (s) => (s === yes ? true : s === no ? false : undefined),
    encode: (b) => (b ? yes : no),
  };
}

function attrField<T>(path: string, name: string, codec: Codec<T>): Field<T> {
  const read = (base: XmlElement): T | undefined => {
    const node = resolve(base, path);
    const raw = node && getAttr(node, name);
    return raw === undefined ? undefined : codec.decode(raw);
  };
  return {
    read,
    source: { path, attr: name, decode: (raw) => codec.decode(raw) },
    write(base, value, depth) {
      if (value === undefined) {
        const node = resolve(base, path);
        if (!node) return;
        setAttr(node, name, undefined);
        prune(base, path);
        return;
      }
      const encoded = codec.encode(value);
      // An unchanged value keeps its spelling (`bus='0x1d'` stays hex when 29 is written back).
      const current = read(base);
      if (current !== undefined && codec.encode(current) === encoded) return;
      setAttr(ensure(base, path, depth), name, encoded);
    },
  };
}

function textField<T>(path: string, codec: Codec<T>): Field<T> {
  const decode = (value: string | undefined): T | undefined => {
    if (!value || value.trim() === '') return undefined;
    return codec.decode(codec === (stringCodec as unknown) ? value : value.trim());
  };
  return {
    read(base) {
      const node = resolve(base, path);
      return decode(node && getText(node));
    },
    source: { path, decode },
    write(base, value, depth) {
      if (value === undefined) {
        removeAt(base, path);
        return;
      }
      const node = ensure(base, path, depth);
      const encoded = codec.encode(value);
      // Keep surrounding whitespace and spelling when the value is unchanged.
      const current = this.read(base);
      if (current !== undefined && codec.encode(current) === encoded) return;
      setText(node, encoded);
    },
  };
}

/** An attribute as a string (`T` narrows it to a union of libvirt's values). */
export const attr = <T extends string = string>(path: string, name: string): Field<T> =>
  attrField(path, name, stringCodec as unknown as Codec<T>);
export const intAttr = (path: string, name: string): Field<number> => attrField(path, name, intCodec);
export const yesNoAttr = (path: string, name: string): Field<boolean> =>
  attrField(path, name, boolCodec('yes', 'no'));
export const onOffAttr = (path: string, name: string): Field<boolean> =>
  attrField(path, name, boolCodec('on', 'off'));
/** Element text as a string. */
export const text = <T extends string = string>(path: string): Field<T> =>
  textField(path, stringCodec as unknown as Codec<T>);
export const intText = (path: string): Field<number> => textField(path, intCodec);

/** Presence of an (empty) element, e.g. `<readonly/>`, `<acpi/>`. */
export function flag(path: string): Field<boolean> {
  return {
    read: (base) => resolve(base, path) !== undefined,
    write(base, value, depth) {
      if (value) ensure(base, path, depth);
      else removeAt(base, path);
    },
  };
}

export function readFields<S extends FieldSpec>(base: XmlElement | undefined, spec: S): FieldValues<S> {
  const out: Record<string, unknown> = {};
  if (!base) return out as FieldValues<S>;
  for (const key of Object.keys(spec)) {
    const v = spec[key]!.read(base);
    if (v !== undefined) out[key] = v;
  }
  return out as FieldValues<S>;
}

/**
 * The same values as `readFields(documentRoot(parse(xml)), spec)`, read straight from the text
 * (`quick-read.ts`) for tables of 1,000s of documents; only for specs of attribute and text fields
 * of leaf elements. Throws when the root element is not `root`.
 */
export function readFieldsQuick<S extends FieldSpec>(xml: string, root: string, spec: S): FieldValues<S> {
  const sources = Object.entries(spec).map(([key, field]) => {
    if (!field.source) throw new Error(`field ${key} cannot be read quickly`);
    return [key, field.source] as const;
  });
  const read = readElements(xml, new Set(sources.map(([, s]) => s.path).filter((p) => p !== '')));
  if (read.root !== root) throw new Error(`expected <${root}>, found <${read.root}>`);
  const out: Record<string, unknown> = {};
  for (const [key, source] of sources) {
    const element =
      source.path === '' ? { attributes: read.rootAttributes, text: '' } : read.elements.get(source.path);
    if (!element) continue;
    const raw = source.attr !== undefined ? element.attributes.get(source.attr) : element.text;
    const value = raw === undefined ? undefined : source.decode(raw);
    if (value !== undefined) out[key] = value;
  }
  return out as FieldValues<S>;
}

/** Apply `patch`: keys absent from it are not touched; `undefined` values remove. */
export function writeFields<S extends FieldSpec>(
  base: XmlElement,
  spec: S,
  patch: FieldValues<S>,
  depth = 0,
): void {
  // Spec order, not patch order, so new attributes come out in libvirt's order.
  for (const key of Object.keys(patch)) if (!(key in spec)) throw new Error(`unknown field '${key}'`);
  for (const key of Object.keys(spec)) {
    if (key in patch) spec[key]!.write(base, (patch as Record<string, unknown>)[key], depth);
  }
}

/**
 * For an attribute the element cannot exist without (`<bootmenu enable=…>`, `<smbios mode=…>`):
 * writing `undefined` removes the whole element rather than leave it invalid.
 */
export function required<T>(path: string, field: Field<T>): Field<T> {
  return {
    read: (base) => field.read(base),
    write(base, value, depth) {
      if (value === undefined) removeAt(base, path);
      else field.write(base, value, depth);
    },
  };
}
