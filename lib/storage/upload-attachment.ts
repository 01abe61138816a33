import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import type { AttachmentDto } from "./attachment-dto";
import type { AttachmentKind } from "./media-type";
import { uploadTempDir } from "./paths";
import { receiveUpload, storeFile, type ReceivedFile } from "./receive-upload";
import { storageDriver } from "./storage-driver";

export type UploadPurpose = "message" | "avatar";

const POLICIES: Record<UploadPurpose, { kinds: readonly AttachmentKind[]; imageMode: "message" | "avatar" }> = {
  message: { kinds: ["IMAGE", "VIDEO", "AUDIO", "FILE"], imageMode: "message" },
  avatar: { kinds: ["IMAGE"], imageMode: "avatar" },
};

/**
 * Receives one uploaded file (multipart field `file`) for the acting user. `message` (default):
 * any type, referenced later by `message:send { attachmentIds }`; `avatar`: images only, stored
 * as a 256×256 WebP.
 */
export async function uploadAttachment(ctx: Ctx, request: Request, opts: { purpose?: UploadPurpose } = {}): Promise<AttachmentDto> {
  const policy = POLICIES[opts.purpose ?? "message"];
  return receiveUpload(ctx, request, {
    maxBytes: env().UPLOAD_MAX_BYTES,
    tempDir: uploadTempDir(),
    driver: storageDriver(),
    ...policy,
  });
}

/** A file already in uploadTempDir() (one the server fetched for the actor), stored as an upload of `purpose` is. */
export async function storeFetchedFile(ctx: Ctx, file: ReceivedFile, purpose: UploadPurpose): Promise<AttachmentDto> {
  return storeFile(ctx, file, { tempDir: uploadTempDir(), driver: storageDriver(), ...POLICIES[purpose] });
}
