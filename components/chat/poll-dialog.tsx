"use client";
// Create a poll (WhatsApp's): a question, 2–12 options (a new empty one appears as the last is
// filled) and whether more than one answer is allowed.
import { useId, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { CloseIcon } from "@/components/ui/icons";
import { MAX_POLL_OPTIONS, MAX_POLL_QUESTION, pollDraftError } from "@/lib/messages/poll-rules";

export type NewPoll = { question: string; options: string[]; multiple: boolean };

type Props = { open: boolean; onClose: () => void; onSend: (poll: NewPoll) => void };

export function PollDialog({ open, onClose, onSend }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Create poll" testId="poll-dialog">
      {open && <PollForm onSend={onSend} onClose={onClose} />}
    </Dialog>
  );
}

const input =
  "h-10 w-full rounded-lg border border-border bg-panel-2 px-3 text-[15px] text-fg outline-none placeholder:text-muted focus-visible:border-accent focus-visible:outline-1 focus-visible:outline-solid focus-visible:outline-accent";

function PollForm({ onSend, onClose }: { onSend: Props["onSend"]; onClose: () => void }) {
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState(["", ""]);
  const [multiple, setMultiple] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const optionRefs = useRef<(HTMLInputElement | null)[]>([]);
  const id = useId();

  const setOption = (i: number, value: string) => {
    setError(null);
    setOptions((list) => {
      const next = list.map((o, j) => (j === i ? value : o));
      // Typing in the last option offers another, as in WhatsApp.
      if (i === next.length - 1 && value.trim() && next.length < MAX_POLL_OPTIONS) next.push("");
      return next;
    });
  };
  const removeOption = (i: number) => {
    setOptions((list) => list.filter((_, j) => j !== i));
    optionRefs.current[Math.max(0, i - 1)]?.focus();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const filled = options.map((o) => o.trim()).filter(Boolean);
    const problem = pollDraftError(question, filled);
    if (problem) return setError(problem);
    onSend({ question: question.trim(), options: filled, multiple });
    onClose();
  };

  return (
    <form className="space-y-4 px-5 py-4" onSubmit={submit} noValidate>
      <div>
        <label htmlFor={`${id}-q`} className="mb-1 block text-sm font-medium text-fg">
          Question
        </label>
        <input
          id={`${id}-q`}
          value={question}
          maxLength={MAX_POLL_QUESTION}
          onChange={(e) => {
            setQuestion(e.target.value);
            setError(null);
          }}
          placeholder="Ask a question"
          className={input}
          data-autofocus
          data-testid="poll-question"
        />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-fg">Options</legend>
        <ol className="space-y-2">
          {options.map((option, i) => (
            <li key={i} className="flex items-center gap-2">
              <input
                ref={(el) => {
                  optionRefs.current[i] = el;
                }}
                value={option}
                maxLength={100}
                onChange={(e) => setOption(i, e.target.value)}
                placeholder={i < 2 ? `Option ${i + 1}` : "Add option"}
                aria-label={`Option ${i + 1}`}
                className={input}
                data-testid="poll-option"
              />
              {options.length > 2 && !(i === options.length - 1 && !option) && (
                <button
                  type="button"
                  onClick={() => removeOption(i)}
                  className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-muted hover:bg-hover"
                  aria-label={`Remove option ${i + 1}`}
                >
                  <CloseIcon size={18} />
                </button>
              )}
            </li>
          ))}
        </ol>
      </fieldset>
      <label className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-1 py-1 text-[15px] text-fg">
        Allow multiple answers
        <input
          type="checkbox"
          role="switch"
          checked={multiple}
          onChange={(e) => setMultiple(e.target.checked)}
          className="size-5 accent-[var(--color-accent)]"
          data-testid="poll-multiple"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-danger" data-testid="poll-error">
          {error}
        </p>
      )}
      <DialogFooter onCancel={onClose} className="pt-1">
        <button type="submit" className="rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong" data-testid="poll-send">
          Send
        </button>
      </DialogFooter>
    </form>
  );
}
