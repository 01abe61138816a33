"use client";
// The files waiting to be sent in one chat: each uploads at once (XHR, with progress), can be
// removed (aborting its upload) or retried; local previews are object URLs, revoked when done.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  acceptFiles,
  newUploadItem,
  removeUpload,
  summarizeQueue,
  uploadDone,
  uploadFailed,
  uploadFile,
  UploadError,
  uploadProgress,
  type QueueSummary,
  type UploadItem,
} from "@/lib/client/uploads";

export type UploadQueue = {
  items: UploadItem[];
  summary: QueueSummary;
  /** Adds files (picked, dropped, pasted); returns the queued ones' ids and the reasons for the ones refused. */
  add: (files: readonly File[]) => { added: string[]; refused: string[] };
  remove: (localId: string) => void;
  retry: (localId: string) => void;
  /** Forget everything (after sending): nothing is aborted, previews are released. */
  clear: () => void;
};

let counter = 0;
const nextId = () => `up-${Date.now().toString(36)}-${++counter}`;

/** `maxBytes`: the server's upload limit (ChatData.uploadMaxBytes). */
export function useUploadQueue(maxBytes: number): UploadQueue {
  const [items, setItems] = useState<UploadItem[]>([]);
  // A synchronous mirror: limits are checked against what is queued right now, not at render.
  const itemsRef = useRef<UploadItem[]>([]);
  const files = useRef(new Map<string, File>());
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((fn: (items: UploadItem[]) => UploadItem[]) => {
    const next = fn(itemsRef.current);
    if (next === itemsRef.current) return;
    itemsRef.current = next;
    setItems(next);
  }, []);

  const start = useCallback(
    (localId: string) => {
      const file = files.current.get(localId);
      if (!file) return;
      const ctrl = new AbortController();
      controllers.current.set(localId, ctrl);
      uploadFile(file, { signal: ctrl.signal, onProgress: (loaded, total) => update((i) => uploadProgress(i, localId, loaded, total)) })
        .then((attachment) => update((i) => uploadDone(i, localId, attachment)))
        .catch((err: unknown) => {
          if (err instanceof UploadError && err.status === -1) return; // removed by the user
          update((i) => uploadFailed(i, localId, err instanceof Error ? err.message : "Upload failed"));
        })
        .finally(() => {
          if (controllers.current.get(localId) === ctrl) controllers.current.delete(localId);
        });
    },
    [update],
  );

  const release = (item: UploadItem) => {
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    files.current.delete(item.localId);
  };

  const add = useCallback(
    (picked: readonly File[]) => {
      const { accepted, rejected } = acceptFiles(itemsRef.current.length, picked, { maxBytes });
      const added = accepted.map((file) => {
        const localId = nextId();
        files.current.set(localId, file);
        const kind = newUploadItem(localId, file).kind;
        const preview = kind === "IMAGE" || kind === "VIDEO" ? URL.createObjectURL(file) : null;
        return newUploadItem(localId, file, preview);
      });
      if (added.length) update((i) => [...i, ...added]);
      for (const item of added) start(item.localId);
      return { added: added.map((item) => item.localId), refused: rejected.map((r) => r.reason) };
    },
    [start, update, maxBytes],
  );

  const remove = useCallback(
    (localId: string) => {
      controllers.current.get(localId)?.abort();
      controllers.current.delete(localId);
      const item = itemsRef.current.find((i) => i.localId === localId);
      if (item) release(item);
      update((i) => removeUpload(i, localId));
    },
    [update],
  );

  const retry = useCallback(
    (localId: string) => {
      if (!files.current.has(localId)) return;
      update((list) => list.map((i) => (i.localId === localId ? { ...i, status: "uploading", progress: 0, error: null } : i)));
      start(localId);
    },
    [start, update],
  );

  const clear = useCallback(() => {
    for (const item of itemsRef.current) release(item);
    update(() => []);
  }, [update]);

  // Leaving the chat: stop uploads and free the previews.
  useEffect(() => {
    const ctrls = controllers.current;
    const map = files.current;
    return () => {
      for (const c of ctrls.values()) c.abort();
      ctrls.clear();
      for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      map.clear();
    };
  }, []);

  const summary = useMemo(() => summarizeQueue(items), [items]);
  return { items, summary, add, remove, retry, clear };
}
