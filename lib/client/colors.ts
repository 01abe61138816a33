// Sender-name colours in group chats: stable per user, ≥ 4.5:1 on the incoming bubble in both themes.
const NAME_CLASSES = [
  "text-[#c2185b] dark:text-[#f48fb1]",
  "text-[#7b1fa2] dark:text-[#ce93d8]",
  "text-[#1565c0] dark:text-[#90caf9]",
  "text-[#00796b] dark:text-[#80cbc4]",
  "text-[#2e7d32] dark:text-[#a5d6a7]",
  "text-[#bf360c] dark:text-[#ffab91]",
  "text-[#5d4037] dark:text-[#bcaaa4]",
  "text-[#006064] dark:text-[#80deea]",
  "text-[#ad1457] dark:text-[#f06292]",
  "text-[#4527a0] dark:text-[#b39ddb]",
  "text-[#9e5500] dark:text-[#ffcc80]",
  "text-[#37474f] dark:text-[#b0bec5]",
] as const;

export function nameColorClass(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return NAME_CLASSES[hash % NAME_CLASSES.length]!;
}
