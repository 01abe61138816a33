/**
 * What a log keeps of a request's URL: its path without the query (search words, pagination
 * tokens) and with invite codes masked (each one lets anyone join a private group).
 */
export function loggedUrl(url: string): string {
  const path = url.startsWith("/") ? url.split("?")[0]! : safePath(url);
  return path.replace(/^(\/join|\/api\/v1\/invites)\/[^/]+/, "$1/…");
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(unparsable url)";
  }
}
