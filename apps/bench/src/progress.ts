const startedAt = Date.now();

function elapsed(): string {
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One line of progress, stamped with the time since the run started. */
export function progress(line: string): void {
  console.log(`[bench ${elapsed()}] ${line}`);
}
