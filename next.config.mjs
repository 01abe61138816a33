const isDev = process.env.NODE_ENV !== "production";

// Next's inline bootstrap scripts need 'unsafe-inline' without per-request nonces; user content
// is never rendered as HTML (React text only), which is what keeps injected markup inert.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  // Profile photos are copies in our storage (a Google account's too: lib/users/provider-photo.ts).
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  // 'self' covers the page's own ws:// and wss:// (CSP level 3): sockets to other hosts are refused.
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self' https://accounts.google.com http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pino", "sharp", "socket.io"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(self), geolocation=(self)" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Browsers heed it over HTTPS only: once seen there, never plain HTTP again for a year.
          { key: "Strict-Transport-Security", value: "max-age=31536000" },
        ],
      },
      {
        // Uploaded files (app/api/v1/attachments): never a document with an origin or scripts.
        // It must be set here: a header from this config wins over the same header from a route.
        source: "/api/v1/attachments/:path*",
        headers: [{ key: "Content-Security-Policy", value: "sandbox; default-src 'none'" }],
      },
    ];
  },
};

export default nextConfig;
