"use client";
// Share a location: the browser's position (with permission), or latitude/longitude typed in.
import { useId, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { Spinner } from "@/components/ui/spinner";
import { formatCoordinates, osmUrl, parseCoordinates } from "@/lib/client/attachments";
import { CrosshairIcon, ExternalIcon } from "@/components/ui/icons";

type Props = {
  open: boolean;
  onClose: () => void;
  onSend: (location: { lat: number; lng: number; label?: string }) => void;
};

export function LocationDialog({ open, onClose, onSend }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Send location" testId="location-dialog">
      {open && <LocationForm onSend={onSend} onClose={onClose} />}
    </Dialog>
  );
}

function LocationForm({ onSend, onClose }: { onSend: Props["onSend"]; onClose: () => void }) {
  const [lat, setLat] = useState("");
  const [lng, setLng] = useState("");
  const [label, setLabel] = useState("");
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: "lat" | "lng"; error: string } | null>(null);
  const [accuracy, setAccuracy] = useState<number | null>(null);
  const latRef = useRef<HTMLInputElement>(null);
  const lngRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const locate = () => {
    setGeoError(null);
    if (typeof navigator === "undefined" || !navigator.geolocation) {
      setGeoError("Your browser can't share its location. Enter the coordinates below.");
      latRef.current?.focus();
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setLat(pos.coords.latitude.toFixed(6));
        setLng(pos.coords.longitude.toFixed(6));
        setAccuracy(Math.round(pos.coords.accuracy));
        setFieldError(null);
      },
      (err) => {
        setLocating(false);
        setGeoError(
          err.code === err.PERMISSION_DENIED
            ? "Location access was denied. Allow it in your browser, or enter the coordinates below."
            : "Couldn't find your location. Enter the coordinates below.",
        );
        latRef.current?.focus();
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const parsed = lat.trim() && lng.trim() ? parseCoordinates(lat, lng) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = parseCoordinates(lat, lng);
    if (!result.ok) {
      setFieldError({ field: result.field, error: result.error });
      (result.field === "lat" ? latRef : lngRef).current?.focus();
      return;
    }
    onSend({ lat: result.lat, lng: result.lng, ...(label.trim() ? { label: label.trim() } : {}) });
    onClose();
  };

  const input =
    "h-10 w-full rounded-lg border border-border bg-panel-2 px-3 text-[15px] text-fg outline-none placeholder:text-muted focus-visible:border-accent focus-visible:outline-1 focus-visible:outline-solid focus-visible:outline-accent aria-[invalid=true]:border-danger";

  return (
    <form className="space-y-4 px-5 py-4" onSubmit={submit} noValidate>
      <button
        type="button"
        onClick={locate}
        disabled={locating}
        className="flex w-full items-center gap-3 rounded-lg bg-panel-2 px-4 py-3 text-left hover:bg-active disabled:opacity-70"
        data-testid="use-my-location"
        data-autofocus
      >
        <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg">
          {locating ? <Spinner size={20} className="text-accent-fg" /> : <CrosshairIcon size={22} />}
        </span>
        <span>
          <span className="block text-[15px] font-medium text-fg">{locating ? "Finding your location…" : "Use my current location"}</span>
          <span className="block text-xs text-muted">Your browser will ask for permission</span>
        </span>
      </button>
      {geoError && (
        <p role="alert" className="text-sm text-danger" data-testid="geo-error">
          {geoError}
        </p>
      )}

      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-fg">Or enter coordinates</legend>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-lat`} className="mb-1 block text-xs text-muted">
              Latitude
            </label>
            <input
              ref={latRef}
              id={`${id}-lat`}
              inputMode="decimal"
              value={lat}
              onChange={(e) => {
                setLat(e.target.value);
                setFieldError(null);
                setAccuracy(null);
              }}
              placeholder="52.520008"
              aria-invalid={fieldError?.field === "lat" || undefined}
              aria-describedby={fieldError?.field === "lat" ? `${id}-err` : undefined}
              className={input}
              data-testid="location-lat"
            />
          </div>
          <div>
            <label htmlFor={`${id}-lng`} className="mb-1 block text-xs text-muted">
              Longitude
            </label>
            <input
              ref={lngRef}
              id={`${id}-lng`}
              inputMode="decimal"
              value={lng}
              onChange={(e) => {
                setLng(e.target.value);
                setFieldError(null);
                setAccuracy(null);
              }}
              placeholder="13.404954"
              aria-invalid={fieldError?.field === "lng" || undefined}
              aria-describedby={fieldError?.field === "lng" ? `${id}-err` : undefined}
              className={input}
              data-testid="location-lng"
            />
          </div>
        </div>
        {fieldError && (
          <p id={`${id}-err`} role="alert" className="text-sm text-danger">
            {fieldError.error}
          </p>
        )}
        <div>
          <label htmlFor={`${id}-label`} className="mb-1 block text-xs text-muted">
            Name of the place (optional)
          </label>
          <input
            id={`${id}-label`}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="e.g. Café Central"
            className={input}
            data-testid="location-label"
          />
        </div>
      </fieldset>

      {parsed?.ok && (
        <p className="flex items-center gap-2 text-sm text-muted">
          <span>
            {formatCoordinates(parsed.lat, parsed.lng)}
            {accuracy !== null ? ` (±${accuracy} m)` : ""}
          </span>
          <a href={osmUrl(parsed.lat, parsed.lng)} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-accent-strong hover:underline">
            Preview on map <ExternalIcon size={14} />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </p>
      )}

      <DialogFooter onCancel={onClose} className="pt-1">
        <button
          type="submit"
          disabled={!lat.trim() || !lng.trim()}
          className="rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-50"
          data-testid="location-send"
        >
          Send location
        </button>
      </DialogFooter>
    </form>
  );
}
