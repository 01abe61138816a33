export const rooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  conversation: (conversationId: string) => `conv:${conversationId}`,
  /** Sockets watching a user's online state and last seen. */
  presence: (userId: string) => `presence:${userId}`,
};
