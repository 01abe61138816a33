"use client";
// The members a typed "@" can mention, above the message box. The box keeps the focus (it points
// at the highlighted option with aria-activedescendant): arrows move, Enter or Tab picks, Escape
// closes; a click picks too.
import { Avatar } from "@/components/ui/avatar";
import type { MemberDto } from "@/lib/realtime/contract";

export const mentionOptionId = (listId: string, index: number) => `${listId}-${index}`;

type Props = {
  id: string;
  candidates: MemberDto[];
  active: number;
  onPick: (member: MemberDto) => void;
};

export function MentionPicker({ id, candidates, active, onPick }: Props) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Mention a member"
      className="mb-2 max-h-[264px] overflow-y-auto rounded-lg bg-panel py-1 shadow-[0_2px_5px_rgba(11,20,26,.26)]"
      data-testid="mention-picker"
    >
      {candidates.map((m, i) => (
        <li
          key={m.id}
          id={mentionOptionId(id, i)}
          role="option"
          aria-selected={i === active}
          // Keep the focus in the message box.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(m)}
          className={`flex cursor-pointer items-center gap-3 px-3 py-1.5 ${i === active ? "bg-active" : "hover:bg-hover"}`}
          data-testid="mention-option"
        >
          <Avatar label={m.name} initials={m.initials} imageUrl={m.avatarUrl} color={m.avatarColor} size={32} />
          <span className="min-w-0 flex-1 truncate text-[15px] text-fg">{m.name}</span>
          <span className="shrink-0 text-[13px] text-muted">@{m.username}</span>
        </li>
      ))}
    </ul>
  );
}
