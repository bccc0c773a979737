import { Logger } from '@nestjs/common';

/**
 * Every line Nest's loggers write at these levels, in order, while they still print as usual: for
 * tests that check what the engineer on call reads. `jest.restoreAllMocks()` stops the capture.
 */
export function captureLogs(levels: readonly ('log' | 'warn' | 'error')[]): string[] {
  const lines: string[] = [];
  for (const level of levels) {
    const original = Logger.prototype[level];
    jest.spyOn(Logger.prototype, level).mockImplementation(function (
      this: Logger,
      message: unknown,
      ...rest: unknown[]
    ) {
      lines.push(String(message));
      return original.call(this, message, ...rest);
    });
  }
  return lines;
}
