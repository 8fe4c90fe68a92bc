/** Every `sv-companion` command. Adding one is one line here (a `Command` from ./command). */
import type { Command } from './command';
import { indexCommand } from './commands/index-pages';
import { parseCommand } from './commands/parse';
import { crawlCommand } from './commands/crawl';
import { relatedCommand } from './commands/related';

export const COMMANDS: readonly Command[] = [parseCommand, indexCommand, crawlCommand, relatedCommand];
