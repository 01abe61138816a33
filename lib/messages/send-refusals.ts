import { AppError } from "@/lib/errors";

// The refusals the browser acts on (it keeps the chat but makes it read-only). They carry a
// `reason` that the client matches, so their words can change freely.

export const groupArchived = () => new AppError("FORBIDDEN", "This group is archived", "GROUP_ARCHIVED");
export const onlyAdminsSend = () => new AppError("FORBIDDEN", "Only admins can send messages to this group", "ONLY_ADMINS_SEND");
