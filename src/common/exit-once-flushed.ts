/**
 * Ends the process once stdout and stderr have handed everything to the OS. `process.exit()` alone
 * drops what a pipe has not taken yet, and CI runners read a step's output through one: the end of
 * the log (the verdict, the fixes, annotations) would be lost when the reader is slow. Both front
 * ends end this way: the action when a probe was abandoned at its deadline, the command line always.
 */
export function exitOnceFlushed(exit: () => void = () => process.exit()): void {
  let pending = 2
  const flushed = (): void => {
    if (--pending === 0) exit()
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}
