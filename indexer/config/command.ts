// The conventions every regqa command shares: --help prints the usage (exit 0), a bad flag prints the
// error and the usage (exit 2), a failure prints one line (exit 1) rather than a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Flags<O extends Options> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

export function runCommand<O extends Options>(usage: string, options: O, main: (flags: Flags<O>) => Promise<number>): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  let flags: Flags<O>;
  try {
    flags = parseArgs({ args: argv, options }).values as Flags<O>;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  main(flags).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
