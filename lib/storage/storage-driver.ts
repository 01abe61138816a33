import type { Readable } from "node:stream";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LocalDiskDriver } from "./local-disk-driver";
import { uploadsRoot } from "./paths";
export { RangeNotSatisfiableError } from "./storage-errors";
import { UploadThingDriver } from "./uploadthing-driver";

/** Inclusive byte offsets, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };

/** An opened stored object: its bytes (the whole object or the requested range) and its total size. */
export type OpenedObject = { stream: Readable; size: number };

/**
 * Where attachment bytes live. Keys come from newStorageKey() (see storage-key.ts); drivers reject
 * anything else. `put` copies the file at `filePath` (the caller still owns and deletes it).
 */
export interface StorageDriver {
  readonly name: string;
  put(key: string, filePath: string, mime: string): Promise<void>;
  open(key: string, range?: ByteRange): Promise<OpenedObject>;
  remove(key: string): Promise<void>;
}

// One instance per process, shared through globalThis: server.ts and Next's bundled route modules
// are separate module graphs (same reason as lib/db/client.ts).
type StorageGlobal = { __convoStorage?: StorageDriver; __convoLocalStorage?: LocalDiskDriver };
const g = globalThis as typeof globalThis & StorageGlobal;

/** The driver new uploads go to: uploadthing when UPLOADTHING_TOKEN is set, else the local disk. */
export function storageDriver(): StorageDriver {
  if (!g.__convoStorage) {
    const token = env().UPLOADTHING_TOKEN;
    g.__convoStorage = token ? new UploadThingDriver({ token }) : localDriver();
  }
  return g.__convoStorage;
}

/**
 * The driver that holds an existing attachment (its row's `driver` column). Files written before
 * a switch to uploadthing stay readable from the disk.
 */
export function driverFor(name: string): StorageDriver {
  const active = storageDriver();
  if (active.name === name) return active;
  if (name === LocalDiskDriver.driverName) return localDriver();
  throw new AppError("UNAVAILABLE", "This file is stored by a storage driver that is not configured");
}

function localDriver(): LocalDiskDriver {
  g.__convoLocalStorage ??= new LocalDiskDriver(uploadsRoot());
  return g.__convoLocalStorage;
}

/** Tests change DATA_DIR / UPLOADTHING_TOKEN between files; production code never calls this. */
export function resetStorageDriverForTests(): void {
  g.__convoStorage = undefined;
  g.__convoLocalStorage = undefined;
}
