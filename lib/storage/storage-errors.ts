/** A driver was asked for bytes outside the object. */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`Range not satisfiable (size ${size})`);
    this.name = "RangeNotSatisfiableError";
  }
}

/** Checks an inclusive range against an object's size; throws RangeNotSatisfiableError when it does not fit. */
export function checkRange(range: { start: number; end: number } | undefined, size: number): void {
  if (!range) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= size) {
    throw new RangeNotSatisfiableError(size);
  }
}
