/** The next value of `iterator` that satisfies `accept`, failing after `timeoutMs`. */
export async function nextMatching<T>(
  iterator: AsyncIterator<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 20_000, what = 'value' } = {},
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    for (;;) {
      const result = await Promise.race([iterator.next(), timeout]);
      if (result.done) throw new Error(`the subscription ended before a ${what}`);
      if (accept(result.value)) return result.value;
    }
  } finally {
    clearTimeout(timer);
  }
}
