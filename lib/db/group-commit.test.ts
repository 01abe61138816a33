import { describe, expect, it } from "vitest";
import { GroupCommit, groupCommitPerDatabase } from "./group-commit";

const settled = <T>(values: T[]): PromiseSettledResult<T>[] => values.map((value) => ({ status: "fulfilled", value }));

describe("GroupCommit", () => {
  it("writes what arrives in one turn together, in order, and answers each caller with its own result", async () => {
    const writes: number[][] = [];
    const commit = new GroupCommit<number, string>(async (items) => {
      writes.push(items);
      return settled(items.map((n) => `stored ${n}`));
    });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => commit.submit(n)));
    expect(writes).toEqual([[1, 2, 3, 4]]);
    expect(answers).toEqual(["stored 1", "stored 2", "stored 3", "stored 4"]);
  });

  it("never overlaps two writes, and gathers what arrived during one into the next", async () => {
    const writes: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const commit = new GroupCommit<number, number>(async (items) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return settled(items);
    });
    const first = commit.submit(1);
    await new Promise((resolve) => setImmediate(resolve)); // the first write has started
    const later = [2, 3, 4].map((n) => commit.submit(n));
    await Promise.all([first, ...later]);
    expect(maxInFlight).toBe(1);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it("caps a write at maxBatch items and writes the rest next", async () => {
    const writes: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      writes.push(items);
      return settled(items);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => commit.submit(n)));
    expect(writes).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("fails only the items a write rejected, and a failed write only its own callers", async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>(async (items) => {
      calls++;
      if (calls === 2) throw new Error("database down");
      return items.map((n) => (n % 2 ? { status: "fulfilled", value: n } : { status: "rejected", reason: new Error(`refused ${n}`) }));
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => commit.submit(n)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([1, "refused 2", 3]);

    await expect(commit.submit(5)).rejects.toThrow("database down");
    await expect(commit.submit(7)).resolves.toBe(7);
  });
});

describe("groupCommitPerDatabase", () => {
  it("batches what one database client is sent, and never mixes two clients' items", async () => {
    const writes: [string, number[]][] = [];
    const submit = groupCommitPerDatabase(async (db: { name: string }, items: number[]) => {
      writes.push([db.name, items]);
      return items.map((i) => ({ status: "fulfilled" as const, value: i * 10 }));
    });
    const a = { name: "a" };
    const b = { name: "b" };
    expect(await Promise.all([submit(a, 1), submit(b, 2), submit(a, 3)])).toEqual([10, 20, 30]);
    expect(writes).toEqual([
      ["a", [1, 3]],
      ["b", [2]],
    ]);
  });
});
