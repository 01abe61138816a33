import { defineConfig } from "prisma/config";

// The URL is read without prisma's env() helper: env() throws when it is unset, which would
// break `prisma generate` and `next build` on machines that use the embedded database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
