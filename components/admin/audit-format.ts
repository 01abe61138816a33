// Turns audit log entries into plain sentences and "before → after" text (never HTML).
import { messageTimerLabel } from "@/lib/conversations/message-timers";
import { shortId, truncate } from "./format";

export type AuditEntryView = {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
  actor: { id: string; name: string } | null;
};

export type Names = { groups: Map<string, string>; users: Map<string, string> };

const VERBS: Record<string, string> = {
  "group.create": "created the group",
  "group.update": "edited the group",
  "group.archive": "archived the group",
  "group.unarchive": "unarchived the group",
  "group.delete": "deleted the group",
  "group.messageTimer": "changed disappearing messages in",
  "member.remove": "removed",
  "member.ban": "banned",
  "member.unban": "unbanned",
  "message.delete": "deleted a message",
  "user.promote": "promoted",
  "user.demote": "demoted",
  "system.seed-default-groups": "created the built-in groups",
};

export function actionVerb(action: string): string {
  return VERBS[action] ?? action;
}

export type Tone = "neutral" | "accent" | "danger";

export function actionTone(action: string): Tone {
  if (/\.(delete|ban|remove|demote)$/.test(action)) return "danger";
  if (/\.(create|promote|unban|unarchive)$/.test(action)) return "accent";
  return "neutral";
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function groupName(id: string, names: Names, ...snapshots: unknown[]): string {
  const known = names.groups.get(id);
  if (known) return `“${known}”`;
  for (const s of snapshots) {
    const name = asRecord(s)?.name;
    if (typeof name === "string") return `“${name}”`;
  }
  return `a deleted group (${shortId(id)})`;
}

const userName = (id: string, names: Names) => names.users.get(id) ?? `a deleted user (${shortId(id)})`;

/**
 * Group names remembered by the log itself (newest first), for groups deleted since: creations,
 * edits and deletions carry the name.
 */
export function namesFromEntries(entries: AuditEntryView[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) {
    if (e.targetType !== "group" || names.has(e.targetId)) continue;
    const name = asRecord(e.after)?.name ?? asRecord(e.before)?.name;
    if (typeof name === "string") names.set(e.targetId, name);
  }
  return names;
}

/** Who did it: the admin, "Convo" for the system's own entries, or a deleted account. */
export function describeActor(e: AuditEntryView): string {
  if (e.actor) return e.actor.name;
  return e.action.startsWith("system.") ? "Convo" : "A deleted admin";
}

/** What kind of thing changed, for the row's icon. */
export function entryKind(e: AuditEntryView): "group" | "member" | "user" | "message" {
  return e.targetType === "member" || e.targetType === "user" || e.targetType === "message" ? e.targetType : "group";
}

/** The object of the sentence: "the group “Tech Talk”", "Ana Lima from “Tech Talk”"… */
export function describeTarget(e: AuditEntryView, names: Names): { object: string; suffix?: string } {
  if (e.action.startsWith("system.")) return { object: "" };
  switch (e.targetType) {
    case "group":
      return { object: groupName(e.targetId, names, e.after, e.before) };
    case "user":
      return { object: userName(e.targetId, names), suffix: e.action === "user.promote" ? "to admin" : e.action === "user.demote" ? "to user" : undefined };
    case "member": {
      const [groupId = "", memberId = ""] = e.targetId.split(":");
      return { object: userName(memberId, names), suffix: `${e.action === "member.unban" ? "in" : "from"} ${groupName(groupId, names)}` };
    }
    case "message": {
      const sender = asRecord(e.before)?.senderId;
      return { object: "", suffix: typeof sender === "string" ? `by ${userName(sender, names)}` : undefined };
    }
    default:
      return { object: `${e.targetType} ${shortId(e.targetId)}` };
  }
}

// In this order: the most telling fields first.
const LABELS: Record<string, string> = {
  name: "Name",
  icon: "Icon",
  iconBg: "Colour",
  about: "About",
  autoJoin: "Default for new users",
  messageTimerSec: "Disappearing messages",
  archived: "Archived",
  role: "Role",
  member: "Member",
  banned: "Banned",
  text: "Text",
  senderId: "Sender",
  deleted: "Deleted",
  created: "Groups created",
};
const ORDER = Object.keys(LABELS);
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

function formatValue(key: string, value: unknown, names: Names): string {
  if (value === undefined) return "—";
  if (key === "messageTimerSec") return messageTimerLabel(typeof value === "number" ? value : null);
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (key === "role" && typeof value === "string") return value === "ADMIN" ? "Admin" : value === "USER" ? "User" : value;
  if (key === "senderId" && typeof value === "string") return userName(value, names);
  if ((key === "icon" || key === "iconBg") && typeof value === "string") return value;
  if (typeof value === "string") return value === "" ? "(empty)" : `“${truncate(value, 160)}”`;
  if (typeof value === "number") return String(value);
  return truncate(JSON.stringify(value), 160);
}

export type Change = { key: string; label: string; from?: string; to?: string };

/** Fields that differ, in a readable form; one-sided for creations and deletions. */
export function describeChanges(e: AuditEntryView, names: Names): Change[] {
  const before = asRecord(e.before);
  const after = asRecord(e.after);
  if (!before && !after) return [];
  // The sender of a deleted message is already in the sentence.
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== "id" && k !== "senderId")
    .sort((a, b) => rank(a) - rank(b));
  const changes: Change[] = [];
  for (const key of keys) {
    const label = LABELS[key] ?? key;
    const inBefore = before !== null && key in before;
    const inAfter = after !== null && key in after;
    if (inBefore && inAfter) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      changes.push({ key, label, from: formatValue(key, before[key], names), to: formatValue(key, after[key], names) });
    } else if (inAfter) {
      changes.push({ key, label, to: formatValue(key, after![key], names) });
    } else if (inBefore) {
      changes.push({ key, label, from: formatValue(key, before![key], names) });
    }
  }
  return changes;
}
