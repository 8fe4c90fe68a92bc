/**
 * The CLI's checkpoint: `<index>.crawl-state.json` next to the index being built, holding the crawl
 * checkpoint and the articles so far. Written atomically (temp file + rename), at most once a second
 * and at the end, so a killed run resumes from the last write with nothing before it fetched again.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { ArticleRecord, VocabTerm } from '../../lib/model';
import { Checkpoint, readCheckpoint } from '../../lib/crawl';

const StateFile = z.object({ checkpoint: z.unknown(), articles: z.array(ArticleRecord), vocabulary: z.optional(z.array(VocabTerm)) });

export interface SavedCrawl {
  checkpoint: Checkpoint;
  articles: ArticleRecord[];
  vocabulary: VocabTerm[];
}

export const stateFileFor = (indexPath: string) => `${indexPath}.crawl-state.json`;

/** The saved crawl, or null when there is none or it is unreadable (then the crawl starts afresh). */
export async function readStateFile(path: string): Promise<SavedCrawl | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = StateFile.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const checkpoint = readCheckpoint(parsed.data.checkpoint);
    return checkpoint ? { checkpoint, articles: parsed.data.articles, vocabulary: parsed.data.vocabulary ?? [] } : null;
  } catch {
    return null;
  }
}

export async function writeStateFile(
  path: string,
  saved: { checkpoint: Checkpoint | null; articles: Iterable<ArticleRecord>; vocabulary: readonly VocabTerm[] },
): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ checkpoint: saved.checkpoint, articles: [...saved.articles], vocabulary: saved.vocabulary }));
  await rename(temp, path);
}

export async function removeStateFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
