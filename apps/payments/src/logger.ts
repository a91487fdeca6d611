export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  info: (line) => console.log(`[payments] ${line}`),
  error: (line) => console.error(`[payments] ${line}`),
};
