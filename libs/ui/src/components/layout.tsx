import type { ElementType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Hidden on screen, read by screen readers. */
export function VisuallyHidden({ children, as: Tag = 'span' }: { children: ReactNode; as?: ElementType }) {
  return <Tag className="ui-visually-hidden">{children}</Tag>;
}

/** The first focusable element of a page: jumps over the header to `#main` (or the given target). */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation('ui');
  return (
    <a className="ui-skip-link" href={`#${target}`}>
      {t('skipLink')}
    </a>
  );
}

/** Centres content with the page gutters. */
export function Container({ children, className, as: Tag = 'div' }: { children: ReactNode; className?: string; as?: ElementType }) {
  return <Tag className={['ui-container', className].filter(Boolean).join(' ')}>{children}</Tag>;
}

export interface SectionProps {
  readonly title: ReactNode;
  readonly id: string;
  readonly description?: ReactNode;
  /** A link or button beside the heading ("See all"). */
  readonly action?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A titled region of a page: the heading names the region for assistive technology. */
export function Section({ title, id, description, action, children, className }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className={['ui-section', className].filter(Boolean).join(' ')}>
      <div className="ui-section__head">
        <div>
          <h2 id={headingId} className="ui-section__title">
            {title}
          </h2>
          {description ? <p className="ui-section__description">{description}</p> : null}
        </div>
        {action ? <div className="ui-section__action">{action}</div> : null}
      </div>
      {children}
    </section>
  );
}
