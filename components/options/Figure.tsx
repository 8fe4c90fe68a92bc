import type { ComponentChildren } from 'preact';

/** One labelled figure inside a <dl> (index counts, crawl progress). */
export function Figure({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
