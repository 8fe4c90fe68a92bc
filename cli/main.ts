/** `sv-companion <command> …`: dispatch, help, and the one-line-error / exit-2 rule for every command. */
import type { CliIo } from './command';
import { COMMANDS } from './registry';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: sv-companion <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "sv-companion <command> --help" (or "sv-companion help <command>") for its options.',
  ].join('\n');
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 500);
}

export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === 'help') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !target) {
      io.stderr.write(`sv-companion: unknown command "${rest[0]}"\n`);
      return 2;
    }
    io.stdout.write(`${target ? target.help : overview()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`sv-companion: unknown command "${name.slice(0, 100)}" (try sv-companion --help)\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr.write(`sv-companion ${command.name}: ${oneLine(error)}\n`);
    return 2;
  }
}
