"use client";
// "Send contact": find someone (the New chat search) and send their card to this chat.
import { useState } from "react";
import { PersonButton } from "@/components/conversations/person-button";
import { Dialog } from "@/components/ui/dialog";
import { SearchField } from "@/components/ui/search-field";
import { Spinner } from "@/components/ui/spinner";
import { usePeopleSearch } from "@/lib/client/people-search";
import type { ContactCardDto } from "@/lib/realtime/contract";
import { MAX_PEOPLE_QUERY } from "@/lib/limits";

type Props = { open: boolean; onClose: () => void; onSend: (contact: ContactCardDto) => void };

export function ContactDialog({ open, onClose, onSend }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Send contact" testId="contact-dialog">
      {open && <ContactPicker onSend={onSend} />}
    </Dialog>
  );
}

function ContactPicker({ onSend }: { onSend: Props["onSend"] }) {
  const [q, setQ] = useState("");
  const state = usePeopleSearch(q);
  const send = (userId: string) => {
    const user = state.status === "done" ? state.users.find((u) => u.id === userId) : undefined;
    if (user) onSend({ id: user.id, name: user.name, username: user.username, initials: user.initials, avatarColor: user.avatarColor });
  };
  return (
    <div className="flex min-h-[240px] flex-col gap-2">
      <SearchField
        value={q}
        onChange={setQ}
        label="Search people by name, @username or email"
        placeholder="Search name, @username or email"
        testId="contact-search"
        maxLength={MAX_PEOPLE_QUERY}
        autoFocus
        end={state.status === "loading" && <Spinner size={18} />}
      />
      <div className="max-h-[50vh] min-h-0 overflow-y-auto" aria-live="polite">
        {state.status === "idle" && <p className="px-4 py-6 text-center text-sm text-muted">Whose contact do you want to send?</p>}
        {state.status === "error" && <p className="px-4 py-6 text-center text-sm text-danger">{state.message}</p>}
        {state.status === "done" && state.users.length === 0 && (
          <p className="px-4 py-6 text-center text-sm text-muted">No one found for “{state.q}”.</p>
        )}
        {state.status === "done" && state.users.length > 0 && (
          <ul aria-label="People">
            {state.users.map((u) => (
              <li key={u.id}>
                <PersonButton user={u} name={u.name} detail={`@${u.username}`} opening={null} onOpen={send} testId="contact-result" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
