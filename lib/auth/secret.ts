import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isProduction } from "@/lib/env";

/**
 * The Auth.js secret: from AUTH_SECRET, or (outside production) generated once into the data
 * directory so that a zero-config install keeps its sessions across restarts.
 */
export function resolveAuthSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  if (isProduction()) {
    throw new Error(
      "AUTH_SECRET is not set. In production set it to a long random value, e.g. `openssl rand -base64 33`.",
    );
  }
  const file = path.join(path.resolve(env().DATA_DIR), "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(33).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
