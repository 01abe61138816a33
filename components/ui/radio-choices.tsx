// One choice among a few, as a labelled group of radio buttons (a pin's duration, a chat's
// disappearing-messages timer).
import type { ReactNode } from "react";

export type RadioChoice<T> = { value: T; label: string; testId: string };

type Props<T> = { name: string; legend: ReactNode; choices: readonly RadioChoice<T>[]; value: T; onChange: (value: T) => void };

export function RadioChoices<T>({ name, legend, choices, value, onChange }: Props<T>) {
  return (
    <fieldset>
      <legend className="text-[15px] leading-6 text-muted">{legend}</legend>
      <div className="mt-3 flex flex-col">
        {choices.map((c) => (
          <label key={c.testId} className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2.5 text-[15px] hover:bg-hover">
            <input
              type="radio"
              name={name}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              className="size-4 accent-[var(--color-accent)]"
              data-testid={c.testId}
            />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
