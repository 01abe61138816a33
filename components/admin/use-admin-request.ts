"use client";
// A form's or dialog's one request at a time: pending while it runs, and its failure kept as the
// message to show (FormError) until the next try or a change clears it.
import { useCallback, useState } from "react";
import { errorMessage } from "./api";

export function useAdminRequest() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (request: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await request();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, setError, run };
}
