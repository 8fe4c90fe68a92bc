import type { Category, Tag } from '@/lib/model';
import { shownUrl } from '@/lib/model/shown-url';
import { ArticleLink } from './ArticleLink';
import { TagChips } from './TagChips';
import { formatDate, t } from './i18n';

export interface HeaderArticle {
  url: string;
  /** Shown and opened with https (ArticleRecord.https). */
  https?: true;
  title: string;
  author?: string | null;
  category: Category | null;
  publishedAt: string | null;
  tags: readonly Tag[];
}

interface Props {
  article: HeaderArticle;
  onTag?: (tag: Tag) => void;
  onCategory?: (category: Category) => void;
  /** Link the title (used when showing an article other than the open one). */
  linkTitle?: boolean;
}

/** Title, rubrique, date, author and tags of an article. */
export function ArticleHeader({ article, onTag, onCategory, linkTitle = false }: Props) {
  const date = formatDate(article.publishedAt);
  const category = article.category;
  return (
    <header class="sv-article-header">
      <h1 class="sv-title">{linkTitle ? <ArticleLink url={shownUrl(article)}>{article.title}</ArticleLink> : article.title}</h1>
      <p class="sv-meta">
        {category &&
          (onCategory ? (
            <button type="button" class="sv-link-button" onClick={() => onCategory(category)} title={t('categoryBrowseTitle', category.name)}>
              {category.name}
            </button>
          ) : (
            <span>{category.name}</span>
          ))}
        {category && date && <span aria-hidden="true"> · </span>}
        {date && <time dateTime={article.publishedAt ?? undefined}>{date}</time>}
        {article.author && <span class="sv-author"> · {t('byAuthor', article.author)}</span>}
      </p>
      <TagChips tags={article.tags} onSelect={onTag} />
    </header>
  );
}
