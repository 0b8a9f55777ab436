import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/render-with-i18n';
import { pageWindow } from './page-window';
import { Pagination } from './pagination';

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the first and last page and the neighbours of the current one, with gaps between', () => {
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
  });

  it('shows a single left-out page instead of a gap', () => {
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
  });

  it('clamps a page beyond the end', () => {
    expect(pageWindow(99, 3)).toEqual([1, 2, 3]);
  });
});

describe('Pagination', () => {
  it('links each page to its own address and marks the current one', () => {
    renderWithI18n(<Pagination page={2} pageCount={5} hrefFor={(p) => `/browse?page=${p}`} />, 'en');

    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('/browse?page=3');
    expect(screen.getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/browse?page=1');
    expect(screen.getByRole('link', { name: 'Page 5' }).getAttribute('href')).toBe('/browse?page=5');
    expect(screen.getByText('2').getAttribute('aria-current')).toBe('page');
  });

  it('offers no previous page on the first page', () => {
    renderWithI18n(<Pagination page={1} pageCount={3} hrefFor={(p) => `?page=${p}`} />);
    expect(screen.queryByRole('link', { name: '上一页' })).toBeNull();
    expect(screen.getByText('上一页').getAttribute('aria-disabled')).toBe('true');
  });

  it('renders nothing for a single page', () => {
    const { container } = renderWithI18n(<Pagination page={1} pageCount={1} hrefFor={(p) => `?page=${p}`} />);
    expect(container.innerHTML).toBe('');
  });
});
