"use client";
// The group icon (one emoji) and its background colour: two radio groups plus "any emoji".
import { useId, useState } from "react";
import { GROUP_COLORS, GROUP_EMOJIS, isSingleEmoji } from "@/lib/client/groups";

type Props = {
  icon: string;
  iconBg: string;
  onIcon: (icon: string) => void;
  onColor: (color: string) => void;
};

export function AppearancePicker({ icon, iconBg, onIcon, onColor }: Props) {
  const id = useId();
  const preset = (GROUP_EMOJIS as readonly string[]).includes(icon);
  const [custom, setCustom] = useState(preset ? "" : icon);
  const customInvalid = custom.trim() !== "" && !isSingleEmoji(custom);

  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-2 text-sm text-accent-strong">Group icon</legend>
        <div className="grid grid-cols-8 gap-1">
          {GROUP_EMOJIS.map((e) => (
            <label key={e} className="relative flex aspect-square cursor-pointer items-center justify-center rounded-lg text-[22px] hover:bg-hover has-checked:bg-active has-focus-visible:outline-2 has-focus-visible:outline-accent">
              <input
                type="radio"
                name={`${id}-icon`}
                value={e}
                checked={icon === e}
                onChange={() => {
                  setCustom("");
                  onIcon(e);
                }}
                className="sr-only"
                data-testid="group-icon-option"
              />
              <span>{e}</span>
            </label>
          ))}
        </div>
        <label className="mt-2 flex items-center gap-3 text-sm text-muted">
          <span className="shrink-0">Or any emoji</span>
          <input
            type="text"
            value={custom}
            maxLength={16}
            onChange={(e) => {
              setCustom(e.target.value);
              if (isSingleEmoji(e.target.value)) onIcon(e.target.value.trim());
            }}
            aria-invalid={customInvalid || undefined}
            aria-describedby={customInvalid ? `${id}-custom-error` : undefined}
            placeholder="🙂"
            className="w-20 rounded-md border border-border bg-panel-2 px-2 py-1 text-center text-lg text-fg outline-none focus:border-accent"
            data-testid="group-icon-custom"
          />
        </label>
        {customInvalid && (
          <p id={`${id}-custom-error`} className="mt-1 text-sm text-danger">
            Use exactly one emoji
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm text-accent-strong">Colour</legend>
        <div className="flex flex-wrap gap-2">
          {GROUP_COLORS.map((c) => (
            <label key={c.value} className="cursor-pointer rounded-full p-0.5 has-checked:ring-2 has-checked:ring-fg has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent">
              <input
                type="radio"
                name={`${id}-color`}
                value={c.value}
                checked={iconBg.toLowerCase() === c.value}
                onChange={() => onColor(c.value)}
                aria-label={c.name}
                className="sr-only"
              />
              <span className="block h-8 w-8 rounded-full" style={{ background: c.value }} aria-hidden="true" />
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
