"use client";
// In place of the composer when nobody, or only the group's admins, can write.

/** An admin archived the group: history stays, nobody can write. */
export function ArchivedNotice() {
  return (
    <div
      className="flex shrink-0 flex-col items-center gap-1 bg-panel-2 px-4 py-4 text-center text-sm text-muted"
      data-testid="archived-notice"
      role="note"
    >
      <p className="font-medium text-fg">This group is archived</p>
      <p>You can still read its messages, but nobody can send new ones.</p>
    </div>
  );
}

/** An announcement group: members read (and react, and vote); its admins write. */
export function OnlyAdminsNotice() {
  return (
    <div className="shrink-0 bg-panel-2 px-4 py-4 text-center text-sm text-muted" data-testid="only-admins-notice" role="note">
      Only admins can send messages
    </div>
  );
}
