import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { notFound } from "@/lib/errors";
import type { ByteRange, OpenedObject, StorageDriver } from "./storage-driver";
import { checkRange } from "./storage-errors";
import { assertStorageKey, InvalidStorageKeyError } from "./storage-key";

const STAGING = ".staging";

/**
 * Files under `root` (normally `<DATA_DIR>/uploads`), one per key: `<root>/<yyyy>/<mm>/<uuid>`.
 * A write is staged in `<root>/.staging` (same filesystem) and renamed into place, so a reader
 * never sees half a file and a crash leaves at most a stray staging file.
 */
export class LocalDiskDriver implements StorageDriver {
  static readonly driverName = "local";
  readonly name = LocalDiskDriver.driverName;
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file for a key. Validates the key first; the containment check is a second fence. */
  pathFor(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(this.root, ...key.split("/"));
    if (!full.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key);
    return full;
  }

  async put(key: string, filePath: string): Promise<void> {
    const target = this.pathFor(key);
    const stagingDir = path.join(this.root, STAGING);
    await mkdir(stagingDir, { recursive: true, mode: 0o700 });
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const staged = path.join(stagingDir, randomUUID());
    try {
      // A hard link costs nothing when the source is on the same filesystem; else copy.
      try {
        await link(filePath, staged);
      } catch {
        await copyFile(filePath, staged, constants.COPYFILE_FICLONE);
      }
      const handle = await open(staged, "r+");
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(staged, target);
    } catch (err) {
      await rm(staged, { force: true });
      throw err;
    }
  }

  async open(key: string, range?: ByteRange): Promise<OpenedObject> {
    const file = this.pathFor(key);
    let handle;
    try {
      handle = await open(file, "r");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw notFound("File not found");
      throw err;
    }
    try {
      const { size } = await handle.stat();
      checkRange(range, size);
      // The stream owns the handle from here and closes it when done or destroyed.
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { stream, size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
