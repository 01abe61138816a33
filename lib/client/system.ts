// Wording of SYSTEM messages (centred notices such as "Ana joined").
import type { SystemEvent } from "@/lib/realtime/contract";

export function systemText(ev: SystemEvent | null, fallback: string | null): string {
  if (!ev) return fallback ?? "";
  switch (ev.kind) {
    case "created":
      return `${ev.actorName} created group “${ev.groupName}”`;
    case "added":
      return `${ev.actorName} added ${ev.targetName}`;
    case "removed":
      return `${ev.actorName} removed ${ev.targetName}`;
    case "joined":
      return `${ev.actorName} joined`;
    case "left":
      return `${ev.actorName} left`;
    case "renamed":
      return `${ev.actorName} changed the group name to “${ev.groupName}”`;
    case "promoted":
      return `${ev.actorName} made ${ev.targetName} an admin`;
    case "demoted":
      return `${ev.actorName} removed ${ev.targetName} as admin`;
    case "owner":
      return `${ev.targetName} is now the group owner`;
    default:
      return fallback ?? "";
  }
}
