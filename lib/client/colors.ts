// Sender-name colours in group chats: stable per user, ≥ 4.5:1 in both themes even on the tinted
// reply-quote background inside a bubble (light: background luminance down to ~0.75; dark: the
// quote on my own dark-green bubble, luminance ~0.05).
const NAME_CLASSES = [
  "text-[#880e4f] dark:text-[#f48fb1]",
  "text-[#7b1fa2] dark:text-[#e1bee7]",
  "text-[#0d47a1] dark:text-[#90caf9]",
  "text-[#00695c] dark:text-[#80cbc4]",
  "text-[#1b5e20] dark:text-[#a5d6a7]",
  "text-[#b71c1c] dark:text-[#ffab91]",
  "text-[#5d4037] dark:text-[#d7ccc8]",
  "text-[#006064] dark:text-[#80deea]",
  "text-[#ad1457] dark:text-[#f8bbd0]",
  "text-[#4527a0] dark:text-[#d1c4e9]",
  "text-[#8a4b00] dark:text-[#ffcc80]",
  "text-[#37474f] dark:text-[#b0bec5]",
] as const;

export function nameColorClass(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return NAME_CLASSES[hash % NAME_CLASSES.length]!;
}
