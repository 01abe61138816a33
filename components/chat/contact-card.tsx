"use client";
// A shared contact in a message: their picture's initials, name and @username as sent, and
// "Message" to open my direct chat with them (my own card: "Message yourself").
import { Avatar } from "@/components/ui/avatar";
import { useChat } from "@/lib/client/context";
import type { ContactCardDto } from "@/lib/realtime/contract";
import { useOpenDirectChat } from "./use-open-direct-chat";

type Props = { contact: ContactCardDto; metaColor: string; actionColor: string };

export function ContactCard({ contact, metaColor, actionColor }: Props) {
  const { open, opening } = useOpenDirectChat();
  const isMe = useChat((s) => s.me.id === contact.id);

  return (
    <div className="w-[280px] max-w-full" data-testid="contact-card">
      <div className="flex items-center gap-3 px-1 py-2">
        <Avatar label={contact.name} initials={contact.initials} color={contact.avatarColor} imageUrl={null} size={44} />
        <div className="min-w-0">
          <p className="truncate text-[15px] font-medium text-fg" data-testid="contact-card-name">
            {contact.name}
          </p>
          <p className={`truncate text-[13px] ${metaColor}`}>@{contact.username}</p>
        </div>
      </div>
      <div className="border-t border-black/10 dark:border-white/10">
        <button
          type="button"
          onClick={() => void open(contact.id)}
          disabled={opening !== null}
          aria-label={isMe ? "Message yourself" : `Message ${contact.name}`}
          className={`w-full rounded-md py-2 text-center text-[14px] font-medium hover:bg-black/5 disabled:opacity-60 dark:hover:bg-white/5 ${actionColor}`}
          data-testid="contact-card-message"
        >
          {isMe ? "Message yourself" : "Message"}
        </button>
      </div>
    </div>
  );
}
