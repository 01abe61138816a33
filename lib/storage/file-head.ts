import { open } from "node:fs/promises";

/** The first `bytes` bytes of a file (fewer when it is shorter): where containers keep their track list. */
export async function readFileHead(filePath: string, bytes: number): Promise<Buffer> {
  const handle = await open(filePath, "r");
  try {
    const chunk = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, 0);
    return chunk.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
