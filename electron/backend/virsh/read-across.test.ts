import { describe, expect, it } from 'vitest';
import { readAcross } from './read-across';
import type { VirshRunner } from './virsh-runner';

/** A fake virsh answering one command at a time (as virsh does), each after `ms`. */
function fakeShell(ms: number, log: string[]): VirshRunner {
  let queue = Promise.resolve();
  return {
    run: (argv) => {
      const answer = queue.then(
        () =>
          new Promise<string>((resolve, reject) =>
            setTimeout(() => {
              log.push(argv[0]!);
              if (argv[0] === 'bad') reject(new Error('no such item'));
              else resolve(argv[0]!);
            }, ms),
          ),
      );
      queue = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
  };
}

const items = Array.from({ length: 40 }, (_, i) => `item${i}`);
const read = (runner: VirshRunner, item: string) => runner.run([item]);

describe('readAcross', () => {
  it('reads every item once, in batches, and skips the ones that fail', async () => {
    const log: string[] = [];
    const batches: string[][] = [];
    await readAcross([...items, 'bad'], [fakeShell(1, log)], read, (b) => (batches.push(b), true), {
      window: 4,
      batch: 15,
    });
    expect(batches.map((b) => b.length)).toEqual([15, 15, 10]);
    expect(batches.flat().sort()).toEqual([...items].sort());
  });

  it('lets a shell that joins late take its share of what is left', async () => {
    const first: string[] = [];
    const late: string[] = [];
    const joining = new Promise<VirshRunner>((resolve) => setTimeout(() => resolve(fakeShell(2, late)), 20));
    const read40: string[] = [];
    await readAcross(items, [fakeShell(2, first), joining], read, (b) => (read40.push(...b), true), {
      window: 2,
    });
    expect(read40.sort()).toEqual([...items].sort());
    expect(late.length).toBeGreaterThan(5);
    expect(first.length + late.length).toBe(items.length);
  });

  it('does not wait for a shell that never comes, and stops when told', async () => {
    const never = new Promise<VirshRunner | undefined>(() => undefined);
    const got: string[] = [];
    await readAcross(items, [fakeShell(0, []), never], read, (b) => (got.push(...b), true), { batch: 10 });
    expect(got).toHaveLength(40);
    const log: string[] = [];
    let batches = 0;
    await readAcross(items, [fakeShell(1, log)], read, () => ++batches < 1, { window: 1, batch: 5 });
    expect(batches).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(log.length).toBeLessThanOrEqual(6);
  });
});
