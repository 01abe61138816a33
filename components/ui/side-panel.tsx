import type { ReactNode } from "react";
import { IconButton } from "./icon-button";
import { CloseIcon } from "./icons";

/** The right-hand panel beside the chat (full screen on phones): title bar with a close button, scrolling body. */
export function SidePanel({
  id,
  title,
  closeLabel,
  onClose,
  testId,
  children,
}: {
  id: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      className="absolute inset-0 z-30 flex flex-col bg-panel-2 md:relative md:w-[38%] md:max-w-[420px] md:min-w-[300px] md:border-l md:border-border"
    >
      <div className="flex h-[60px] shrink-0 items-center gap-4 bg-panel-2 px-3 md:px-4">
        <IconButton label={closeLabel} onClick={onClose} data-testid="close-info">
          <CloseIcon size={22} />
        </IconButton>
        <h2 id={`${id}-title`} className="text-base font-medium text-fg">
          {title}
        </h2>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </section>
  );
}
