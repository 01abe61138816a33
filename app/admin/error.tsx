"use client";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md rounded-2xl border border-border bg-panel p-8 text-center">
      <h1 className="text-xl font-semibold text-fg">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted">The admin console couldn&apos;t load this page. Try again in a moment.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-5 inline-flex h-10 items-center rounded-full bg-accent px-5 text-sm font-medium text-accent-fg hover:bg-accent-strong"
      >
        Try again
      </button>
    </div>
  );
}
