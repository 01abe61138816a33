// What identifies and names a direct chat. Its key is both members' ids, sorted (one chat per
// pair, enforced unique by the database); my chat with myself ("Message yourself", notes that
// reach all my devices) has my id twice, and my own name marked "(You)", as WhatsApp shows it.

/** Both member ids, sorted: one key per pair. */
export const directKeyOf = (a: string, b: string) => [a, b].sort().join(":");

/** The other member of a direct chat, from its key; null in my chat with myself. */
export function directPeerOf(directKey: string, meId: string): string | null {
  return directKey.split(":").find((id) => id !== meId) ?? null;
}

/** The other person's name, or mine marked "(You)" in my chat with myself. */
export function directChatTitle(peerName: string, withMyself: boolean): string {
  return withMyself ? `${peerName} (You)` : peerName;
}

/** Whether this is my chat with myself. */
export function isChatWithMyself(c: { type: string; peer: { id: string } | null }, meId: string): boolean {
  return c.type === "DIRECT" && c.peer?.id === meId;
}
