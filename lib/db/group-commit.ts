/**
 * Group commit: callers submit one item each; items that arrive while a write is in flight are
 * written together by the next one. One write at a time keeps the order of submission (a
 * sender's consecutive messages keep their order), and under load a write carries many items,
 * so the database does one round trip and one commit for all of them instead of one each.
 * Nothing waits for a timer: an idle writer starts at the end of the current event-loop turn,
 * which only gathers what arrived in that same turn.
 */
export class GroupCommit<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (err: unknown) => void }[] = [];
  private writing = false;
  private scheduled = false;

  /** `write` settles each item in order, one result per item. */
  constructor(
    private readonly write: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
    private readonly maxBatch = 256,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const results = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r?.status === "fulfilled") b.resolve(r.value);
        else b.reject(r ? r.reason : new Error("group commit: no result for an item"));
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.writing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}

/**
 * `write` as a group commit per database client, hence one write in flight per process and
 * database: what arrives meanwhile goes into the next write.
 */
export function groupCommitPerDatabase<D extends object, I, O>(
  write: (db: D, items: I[]) => Promise<PromiseSettledResult<O>[]>,
): (db: D, item: I) => Promise<O> {
  const writers = new WeakMap<D, GroupCommit<I, O>>();
  return (db, item) => {
    let writer = writers.get(db);
    if (!writer) {
      writer = new GroupCommit((items) => write(db, items));
      writers.set(db, writer);
    }
    return writer.submit(item);
  };
}
