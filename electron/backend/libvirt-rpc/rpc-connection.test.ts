import { Duplex, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REMOTE_PROGRAM, RpcCallError, RpcConnection, RpcProtocolError, STRING_MAX } from './rpc-connection';
import { XdrError, XdrReader, XdrWriter } from './xdr';

/** A daemon's side of the stream: what the client wrote, and a way to answer with any bytes. */
function pair(maxInFlight?: number) {
  const toDaemon = new PassThrough();
  const toClient = new PassThrough();
  const rpc = new RpcConnection(Duplex.from({ readable: toClient, writable: toDaemon }), maxInFlight);
  const calls: Array<{ procedure: number; serial: number; body: Buffer }> = [];
  let pending = Buffer.alloc(0);
  toDaemon.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= pending.readUInt32BE(0)) {
      const length = pending.readUInt32BE(0);
      const r = new XdrReader(pending.subarray(4, length));
      const [, , procedure, , serial] = [r.uint(), r.uint(), r.int(), r.int(), r.uint(), r.int()];
      calls.push({ procedure: procedure!, serial: serial!, body: pending.subarray(28, length) });
      pending = pending.subarray(length);
    }
  });
  const reply = (
    serial: number,
    status: number,
    payload: (w: XdrWriter) => void,
    program = REMOTE_PROGRAM,
  ) => {
    const w = new XdrWriter().uint(program).uint(1).int(0).int(1).uint(serial).int(status);
    payload(w);
    const message = w.toBuffer();
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length + 4);
    return Buffer.concat([length, message]);
  };
  return { rpc, calls, send: (b: Buffer) => toClient.write(b), reply, toClient };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const xmlOf = (rpc: RpcConnection, n: number) => rpc.call(n).then((r) => r.string(STRING_MAX));

describe('RpcConnection (libvirt remote protocol framing)', () => {
  it('matches replies to calls by serial, in whatever order they come', async () => {
    const d = pair();
    const a = xmlOf(d.rpc, 14);
    const b = xmlOf(d.rpc, 14);
    await tick();
    expect(d.calls.map((c) => c.serial)).toEqual([1, 2]);
    d.send(d.reply(2, 0, (w) => w.string('<domain>b</domain>')));
    d.send(d.reply(1, 0, (w) => w.string('<domain>a</domain>')));
    expect(await a).toBe('<domain>a</domain>');
    expect(await b).toBe('<domain>b</domain>');
  });

  it('reads a reply that arrives a byte at a time, and several in one chunk', async () => {
    const d = pair();
    const calls = [xmlOf(d.rpc, 14), xmlOf(d.rpc, 14), xmlOf(d.rpc, 14)];
    await tick();
    const bytes = Buffer.concat([1, 2, 3].map((s) => d.reply(s, 0, (w) => w.string(`虚拟机 ${s}`))));
    for (const byte of bytes.subarray(0, 20)) d.send(Buffer.from([byte]));
    d.send(bytes.subarray(20));
    expect(await Promise.all(calls)).toEqual(['虚拟机 1', '虚拟机 2', '虚拟机 3']);
  });

  it("libvirt's error becomes an RpcCallError with its code and message; the connection goes on", async () => {
    const d = pair();
    const failing = d.rpc.call(14);
    await tick();
    d.send(
      d.reply(1, 1, (w) =>
        w.int(42).int(10).optionalString("Domain not found: no domain with matching uuid 'x'"),
      ),
    );
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ code: 42, message: expect.stringContaining('Domain not found') });
    const next = xmlOf(d.rpc, 14);
    await tick();
    d.send(d.reply(2, 0, (w) => w.string('ok')));
    expect(await next).toBe('ok');
  });

  it.each([
    ['a length beyond libvirt’s maximum', () => Buffer.from([0x7f, 0xff, 0xff, 0xff])],
    ['a length shorter than a header', () => Buffer.from([0, 0, 0, 8, 1, 2, 3, 4])],
  ])(
    '%s breaks the connection: pending calls fail, nothing is allocated, later calls refused',
    async (_, bytes) => {
      const d = pair();
      const pending = d.rpc.call(14);
      await tick();
      d.send(bytes());
      await expect(pending).rejects.toBeInstanceOf(RpcProtocolError);
      expect(d.rpc.alive).toBe(false);
      await expect(d.rpc.call(14)).rejects.toBeInstanceOf(RpcProtocolError);
    },
  );

  it("hands the daemon's event messages to the listener; the calls go on beside them", async () => {
    const d = pair();
    const events: Array<[number, string]> = [];
    d.rpc.onMessage((procedure, r) => events.push([procedure, r.string(STRING_MAX)]));
    const call = xmlOf(d.rpc, 14);
    await tick();
    const event = (procedure: number, text: string) => {
      const w = new XdrWriter()
        .uint(REMOTE_PROGRAM)
        .uint(1)
        .int(procedure)
        .int(2)
        .uint(0)
        .int(0)
        .string(text);
      const message = w.toBuffer();
      const length = Buffer.alloc(4);
      length.writeUInt32BE(message.length + 4);
      return Buffer.concat([length, message]);
    };
    d.send(
      Buffer.concat([event(318, 'started'), d.reply(1, 0, (w) => w.string('xml')), event(379, 'titled')]),
    );
    expect(await call).toBe('xml');
    await tick();
    expect(events).toEqual([
      [318, 'started'],
      [379, 'titled'],
    ]);
    expect(d.rpc.alive).toBe(true);
  });

  it('an event the listener cannot read breaks the connection (and says so once)', async () => {
    const d = pair();
    const broken: Error[] = [];
    d.rpc.onBroken((e) => broken.push(e));
    d.rpc.onMessage((_p, r) => r.string(STRING_MAX));
    const pending = d.rpc.call(14);
    await tick();
    const w = new XdrWriter().uint(REMOTE_PROGRAM).uint(1).int(318).int(2).uint(0).int(0).uint(0x7fffffff);
    const message = w.toBuffer();
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length + 4);
    d.send(Buffer.concat([length, message]));
    await expect(pending).rejects.toBeInstanceOf(RpcProtocolError);
    d.rpc.close();
    expect(broken).toHaveLength(1);
  });

  it('a reply to a call never made, another program, or a message type not asked for breaks it', async () => {
    for (const bad of [
      (d: ReturnType<typeof pair>) => d.reply(99, 0, () => undefined),
      (d: ReturnType<typeof pair>) => d.reply(1, 0, () => undefined, 0x11223344),
    ]) {
      const d = pair();
      const pending = d.rpc.call(14);
      await tick();
      d.send(bad(d));
      await expect(pending).rejects.toBeInstanceOf(RpcProtocolError);
    }
  });

  it('a payload that lies about a string length is refused when read, not read past its end', async () => {
    const d = pair();
    const call = xmlOf(d.rpc, 14);
    await tick();
    d.send(d.reply(1, 0, (w) => w.uint(1000).uint(0x41414141)));
    await expect(call).rejects.toBeInstanceOf(XdrError);
  });

  it('keeps at most maxInFlight calls written ahead of their replies', async () => {
    const d = pair(2);
    const all = [1, 2, 3, 4].map(() => xmlOf(d.rpc, 14));
    await tick();
    expect(d.calls).toHaveLength(2);
    d.send(d.reply(1, 0, (w) => w.string('1')));
    await tick();
    expect(d.calls).toHaveLength(3);
    for (const s of [2, 3, 4]) {
      d.send(d.reply(s, 0, (w) => w.string(String(s))));
      await tick();
    }
    expect(await Promise.all(all)).toEqual(['1', '2', '3', '4']);
  });

  it('the stream ending fails what is pending', async () => {
    const d = pair();
    const pending = d.rpc.call(14);
    await tick();
    d.toClient.end();
    await expect(pending).rejects.toThrow('closed');
  });
});
