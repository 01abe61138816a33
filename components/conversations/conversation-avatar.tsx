// A chat's picture: the other person's in a direct chat, the group's icon and colour in a group.
import { Avatar } from "@/components/ui/avatar";
import type { ConversationSummary } from "@/lib/realtime/contract";

type Props = {
  conversation: Pick<ConversationSummary, "type" | "title" | "icon" | "iconBg" | "peer">;
  size: number;
  online?: boolean;
  className?: string;
};

export function ConversationAvatar({ conversation: c, size, online, className }: Props) {
  return (
    <Avatar
      label={c.title}
      initials={c.peer?.initials}
      icon={c.type === "GROUP" ? c.icon : null}
      imageUrl={c.peer?.avatarUrl}
      color={c.iconBg}
      size={size}
      online={online}
      className={className}
    />
  );
}
