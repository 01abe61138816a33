import path from "node:path";
import { env } from "@/lib/env";

/** Where the local disk driver keeps attachment bytes: `<DATA_DIR>/uploads`. */
export const uploadsRoot = () => path.resolve(env().DATA_DIR, "uploads");

/** Where incoming uploads are streamed and processed before they are stored: `<DATA_DIR>/tmp/uploads`. */
export const uploadTempDir = () => path.resolve(env().DATA_DIR, "tmp", "uploads");
