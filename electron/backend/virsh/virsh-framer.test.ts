import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { markerCommand, VirshFramer, type VirshReply } from './virsh-framer';

function collect(framer: VirshFramer, line: string, a: string, b: string): Promise<VirshReply> {
  return new Promise((resolve) => framer.expect(line, markerCommand(a, b), resolve));
}

describe('VirshFramer', () => {
  it('splits readline-echoed output into replies', async () => {
    const f = new VirshFramer();
    const r1 = collect(f, 'list --name', 'A1', 'B1');
    const r2 = collect(f, 'start x', 'A2', 'B2');
    f.push("virsh # list --name\ntest\nother\nvirsh # echo 'A1''B1'\nA1B1");
    f.push("virsh # start x\nerror: failed to get domain 'x'\nvirsh # echo 'A2''B2'\nA2B2virsh # ");
    expect(await r1).toEqual({ ok: true, output: 'test\nother\n', error: '' });
    const second = await r2;
    expect(second.ok).toBe(false);
    expect(second.error).toBe("failed to get domain 'x'");
  });

  it('strips the echo of a line readline redrew because it was wider than the terminal', async () => {
    const f = new VirshFramer();
    const line = "'dumpxml' '--inactive' '--domain' '14e2c2a4-9aec-4021-a21d-75994af1cd87'";
    const r = collect(f, line, 'W1', 'W2');
    f.push(
      "virsh # \r<' '--domain' '14e2c2a4-9aec-4021-a21d-75994af1cd87'\n<domain type='qemu'>\n</domain>\n",
    );
    f.push("virsh # echo 'W1''W2'\nW1W2\n");
    expect((await r).output).toBe("<domain type='qemu'>\n</domain>\n");
  });

  it('works without readline echo and across arbitrary chunk boundaries', async () => {
    const f = new VirshFramer();
    const r = collect(f, 'dominfo x', 'N1', 'N2');
    const raw = 'Id: 1\nName: x\nN1N2\n';
    for (const ch of raw) f.push(ch);
    expect((await r).output).toBe('Id: 1\nName: x\n');
  });

  it('frames many pipelined replies the same whether they come in one chunk or byte by byte', async () => {
    const raw = (i: number) =>
      `virsh # dumpxml d${i}\n<domain>${i}</domain>\nvirsh # echo 'M${i}''K${i}'\nM${i}K${i}\n`;
    const all = Array.from({ length: 30 }, (_, i) => raw(i)).join('');
    for (const chunks of [[all], [...all], [all.slice(0, 101), all.slice(101, 102), all.slice(102)]]) {
      const f = new VirshFramer();
      const replies = Array.from({ length: 30 }, (_, i) => collect(f, `dumpxml d${i}`, `M${i}`, `K${i}`));
      for (const chunk of chunks) f.push(chunk);
      expect((await Promise.all(replies)).map((r) => r.output)).toEqual(
        Array.from({ length: 30 }, (_, i) => `<domain>${i}</domain>\n`),
      );
      expect(f.pendingCount).toBe(0);
    }
  });

  it('is not fooled by output that looks like a marker or an error', async () => {
    const f = new VirshFramer();
    const r = collect(f, 'dumpxml x', 'Q1', 'Q2');
    // A hostile description echoes the marker *command* and a fake error line, never the joined nonce.
    const xml = "<domain>\n<description>virsh # echo 'Q1''Q2'\nerror: fake</description>\n</domain>\n";
    f.push(`virsh # dumpxml x\n${xml}virsh # echo 'Q1''Q2'\nQ1Q2`);
    const reply = await r;
    expect(reply.ok).toBe(true);
    expect(reply.output).toContain('<description>');
    expect(reply.output).toContain('</domain>');
  });

  it('hands back pending frames when the shell dies', () => {
    const f = new VirshFramer();
    f.expect('list', markerCommand('X', 'Y'), () => undefined);
    expect(f.takePending()).toHaveLength(1);
    expect(f.pendingCount).toBe(0);
  });

  it('frames the real virsh binary (test:///default), errors included', async () => {
    // stderr merged into stdout at the file-descriptor level, as the real shell session does.
    const child = spawn('sh', ['-c', 'exec virsh -q -c test:///default 2>&1'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const f = new VirshFramer();
    child.stdout.setEncoding('utf8').on('data', (d: string) => f.push(d));
    const cmds: Array<[string, string, string]> = [
      ['list --all --name', 'a1', 'b1'],
      ["dominfo 'nope'", 'a2', 'b2'],
      ['domstate test', 'a3', 'b3'],
    ];
    const replies = cmds.map(([line, a, b]) => {
      const marker = markerCommand(a, b);
      const reply = collect(f, line, a, b);
      child.stdin.write(`${line}\n${marker.line}\n`);
      return reply;
    });
    const [list, missing, state] = await Promise.all(replies);
    child.stdin.end();
    expect(list!.output.trim()).toBe('test');
    expect(missing!.ok).toBe(false);
    expect(missing!.error).toContain("failed to get domain 'nope'");
    expect(state!.output.trim()).toBe('running');
  });
});
