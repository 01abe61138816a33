// Bundles the custom server (server.ts and the lib/ modules it imports) into dist/server.mjs
// for production: `node dist/server.mjs` after `next build`. npm packages stay external (they
// are resolved from node_modules at run time, like Next's own server does).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// With `packages: "external"` esbuild treats every non-relative import as a package unless a
// tsconfig path maps it. Resolve `@/…` to repo files explicitly so that a tsconfig change (or
// esbuild's heuristics) can never leave `@/lib/…` as a bare import that fails at run time.
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];
function resolveRepoFile(base) {
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  for (const ext of EXTENSIONS) {
    const index = path.join(base, `index${ext}`);
    if (existsSync(index)) return index;
  }
  return undefined;
}

/** @type {import("esbuild").Plugin} */
const repoAlias = {
  name: "repo-alias",
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => {
      const file = resolveRepoFile(path.join(root, args.path.slice(2)));
      if (!file) return { errors: [{ text: `Cannot resolve ${args.path} (from ${args.importer})` }] };
      return { path: file };
    });
  },
};

const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ["server.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  plugins: [repoAlias],
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  // Keep server.ts's NODE_ENV check a run-time decision.
  define: {},
});

// Guard: nothing from the repo may remain a bare import in the output.
const outputs = Object.values(result.metafile.outputs);
const leaked = outputs.flatMap((o) => o.imports.filter((i) => i.external && i.path.startsWith("@/")).map((i) => i.path));
if (leaked.length) {
  console.error(`bundle-server: repo imports left external: ${[...new Set(leaked)].join(", ")}`);
  process.exit(1);
}
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundle-server: dist/server.mjs from ${inputs} files in ${Math.round(performance.now() - started)} ms`);
