"use client";
// A dialog that asks for one of a few choices (how long a pin, a mute or disappearing messages
// last) and confirms it. The caller's onChoose does the work and says whether it succeeded; the
// dialog closes only then. It opens with the selected option focused; Enter confirms it.
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";

export type Choice<T> = { value: T; label: string; testId: string };

type Props<T> = {
  title: string;
  legend: ReactNode;
  /** Name of the radio group. */
  name: string;
  choices: readonly Choice<T>[];
  initial: T;
  confirmLabel: string;
  onChoose: (value: T) => Promise<boolean>;
  onClose: () => void;
  open?: boolean;
  testId: string;
  confirmTestId: string;
};

export function ChoiceDialog<T>({ title, legend, name, choices, initial, confirmLabel, onChoose, onClose, open, testId, confirmTestId }: Props<T>) {
  const [value, setValue] = useState<T>(initial);

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={title}
      confirmLabel={confirmLabel}
      tone="accent"
      onConfirm={async () => {
        if (await onChoose(value)) onClose();
      }}
      testId={testId}
      confirmTestId={confirmTestId}
    >
      <fieldset>
        <legend className="text-[15px] leading-6 text-muted">{legend}</legend>
        <div className="mt-3 flex flex-col">
          {choices.map((c) => (
            <label key={c.testId} className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2.5 text-[15px] hover:bg-hover">
              <input
                type="radio"
                name={name}
                checked={value === c.value}
                onChange={() => setValue(c.value)}
                className="size-4 accent-[var(--color-accent)]"
                data-testid={c.testId}
                // The keyboard starts on the selected option (arrows change it, Enter confirms).
                data-autofocus={value === c.value ? "" : undefined}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
    </ConfirmDialog>
  );
}
