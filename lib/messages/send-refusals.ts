// The words of the send refusals that the browser acts on (it turns the chat read-only), shared
// by the server that says them and the client that recognises them.

export const GROUP_ARCHIVED = "This group is archived";
export const ONLY_ADMINS_SEND = "Only admins can send messages to this group";
