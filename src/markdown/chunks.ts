/**
 * The chunks of `length` items this thread claims, one at a time, from a counter shared with other threads
 * (`Atomics.add` on `next`): each chunk goes to exactly one thread. Yields `[start, end)` pairs until none is left.
 * The Markdown worker and the build's own thread both claim through it (see ./parallel.ts).
 */
export function* claimChunks(next: Int32Array, chunk: number, length: number): Generator<[number, number]> {
  for (let start = Atomics.add(next, 0, 1) * chunk; start < length; start = Atomics.add(next, 0, 1) * chunk) {
    yield [start, Math.min(start + chunk, length)];
  }
}
