// What a direct chat is called: the other person's name, or for my chat with myself ("Message
// yourself", notes that reach all my devices) my own name marked "(You)", as WhatsApp shows it.

export function directChatTitle(peerName: string, withMyself: boolean): string {
  return withMyself ? `${peerName} (You)` : peerName;
}

/** Whether this is my chat with myself. */
export function isChatWithMyself(c: { type: string; peer: { id: string } | null }, meId: string): boolean {
  return c.type === "DIRECT" && c.peer?.id === meId;
}
