"use client";
// The list of keyboard shortcuts (Ctrl+Alt+K, or "Keyboard shortcuts" in the profile menu).
import { Dialog } from "@/components/ui/dialog";
import { keysOf, SHORTCUTS } from "@/lib/client/shortcuts";

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" testId="shortcuts-dialog" wide scrollableBody>
      <ul className="px-5 py-2">
        {SHORTCUTS.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-4 border-b border-border py-2.5 last:border-b-0" data-testid="shortcut">
            <span className="text-[15px]">{s.label}</span>
            <span className="sr-only">, {keysOf(s).join(" + ")}</span>
            <span className="flex shrink-0 gap-1" aria-hidden="true">
              {keysOf(s).map((k) => (
                <kbd key={k} className="min-w-7 rounded-md border border-border bg-panel-2 px-1.5 py-0.5 text-center font-sans text-xs text-fg">
                  {k}
                </kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <p className="px-5 pb-4 text-sm text-muted">On a Mac, Ctrl is Control and Alt is Option.</p>
    </Dialog>
  );
}
