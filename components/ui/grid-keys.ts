// Arrow keys, Home and End in a grid of buttons (emoji pickers): one tab stop, the arrows move
// the focus. Columns are counted as laid out (the buttons on the first row), so a grid that
// fits as many as its width allows moves by rows correctly too.

/**
 * Where `key` moves the focus from `buttons[index]`: an index, which is outside the grid when
 * the move would leave it (a row above the first is negative), or null for a key that does not
 * move.
 */
export function gridMove(key: string, buttons: readonly HTMLElement[], index: number): number | null {
  if (key === "Home") return 0;
  if (key === "End") return buttons.length - 1;
  const columns = buttons.filter((b) => b.offsetTop === buttons[0]!.offsetTop).length;
  const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
  return key in step ? index + step[key]! : null;
}
