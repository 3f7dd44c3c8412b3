import { describe, expect, it } from 'vitest';
import { editFixture as edit } from '../../testing/edit-assert';
import { GRAPHICS_FIXTURES, listensIn } from '../../testing/graphics-shapes';
import { fixture, libvirtRoundTrip } from '../../testing/validate';
import { updateDevice } from './device-views';
import type { GraphicsListen } from './graphics-listens';

/** What libvirt itself reads: our reading of its own re-formatting (explicit children, mirrors in step). */
const libvirtListens = (xml: string) => listensIn(libvirtRoundTrip(xml));
/** A fixture whose VNC display gets `listens`: the changed lines and the edited XML. */
const setVncListens = (file: string, listens: GraphicsListen[] | undefined) =>
  edit(file, (doc) => updateDevice(doc, 'graphics', 'graphics:vnc', { listens }));

describe('graphics listens', () => {
  it.each(GRAPHICS_FIXTURES)('%s: reads the listens libvirt reads', (file) => {
    expect(listensIn(fixture(file))).toEqual(libvirtListens(fixture(file)));
  });

  it('a socket listen stays a socket listen whatever the legacy listen attribute says', () => {
    expect(listensIn(fixture('graphics-listen-attr-socket-child.xml'))).toEqual([
      [{ type: 'socket', socket: '/run/user/1000/libvirt/qemu/socket-display.vnc' }],
      [{ type: 'socket', socket: '/run/user/1000/libvirt/qemu/socket-display.spice' }],
    ]);
    expect(listensIn(fixture('libvirt/graphics-listen-network2.xml'))).toEqual([
      [
        { type: 'address', address: '1.2.3.4' },
        { type: 'network', network: 'Bobsnetwork' },
      ],
    ]);
    expect(listensIn(fixture('unknown-elements.xml'))).toEqual([undefined]);
  });

  it('moving a socket display to another socket drops the stale address libvirt ignored', () => {
    const listens: GraphicsListen[] = [{ type: 'socket', socket: '/run/vd/vnc.sock' }];
    const r = setVncListens('graphics-listen-attr-socket-child.xml', listens);
    expect(r).toMatchObject({
      removed: [
        "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' passwd='s0ck&amp;t'>",
        "<listen type='socket' socket='/run/user/1000/libvirt/qemu/socket-display.vnc'/>",
      ],
      added: [
        "<graphics type='vnc' port='-1' autoport='yes' passwd='s0ck&amp;t'>",
        "<listen type='socket' socket='/run/vd/vnc.sock'/>",
      ],
    });
    expect(libvirtListens(r.after)[0]).toEqual(listens);
  });

  it('moving a VNC socket display to TCP drops the socket attribute that would override it', () => {
    const listens: GraphicsListen[] = [{ type: 'address', address: '127.0.0.1' }];
    const r = setVncListens('libvirt/graphics-vnc-socket-attr-listen-socket.xml', listens);
    expect(r).toMatchObject({
      removed: [
        "<graphics type='vnc' socket='/tmp/vnc.sock'>",
        "<listen type='socket' socket='/tmp/vnc.sock'/>",
      ],
      added: ["<graphics type='vnc'>", "<listen type='address' address='127.0.0.1'/>"],
    });
    expect(libvirtListens(r.after)[0]).toEqual(listens);
  });

  it('changing the first of several listens keeps the legacy attribute in step and the second as is', () => {
    const listens: GraphicsListen[] = [
      { type: 'address', address: '192.0.2.9' },
      { type: 'network', network: 'Bobsnetwork' },
    ];
    const r = setVncListens('libvirt/graphics-listen-network2.xml', listens);
    expect(r.removed).toHaveLength(2);
    expect(r.added).toEqual([
      "<graphics type='vnc' port='-1' autoport='yes' listen='192.0.2.9'>",
      "<listen type='address' address='192.0.2.9'/>",
    ]);
    expect(libvirtListens(r.after)[0]).toEqual(listens);
  });

  it('a display defined by the legacy attribute alone gets a new address in that attribute', () => {
    const listens: GraphicsListen[] = [{ type: 'address', address: '0.0.0.0' }];
    const r = setVncListens('libvirt/graphics-listen-back-compat.xml', listens);
    expect(r).toMatchObject({
      removed: ["<graphics type='vnc' listen='192.168.123.123'/>"],
      added: ["<graphics type='vnc' listen='0.0.0.0'/>"],
    });
    expect(libvirtListens(r.after)[0]).toEqual(listens);
  });

  it('switching a display off the network (listen none) and back to libvirt’s default', () => {
    const attrs = "type='vnc' port='-1' autoport='yes' keymap='en-us' passwd='s3cr&amp;t'";
    expect(setVncListens('kitchen-sink.xml', [{ type: 'none' }]).added).toEqual([
      `<graphics ${attrs}>`,
      "<listen type='none'/>",
    ]);
    expect(setVncListens('kitchen-sink.xml', undefined)).toMatchObject({
      removed: [
        "<graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' keymap='en-us' passwd='s3cr&amp;t'>",
        "<listen type='address' address='0.0.0.0'/>",
        '</graphics>',
      ],
      added: [`<graphics ${attrs}/>`],
    });
  });
});
