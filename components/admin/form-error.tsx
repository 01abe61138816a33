// A request's failure, said where it was made (a form or dialog); announced as it appears.
import { AlertIcon } from "./icons";

export function FormError({ message, className = "", testId }: { message: string | null; className?: string; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`flex items-start gap-2 rounded-lg bg-danger/10 px-3 py-2.5 text-sm text-danger ${className}`} data-testid={testId}>
      <AlertIcon size={18} className="mt-px shrink-0" />
      {message}
    </p>
  );
}
