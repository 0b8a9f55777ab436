import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/render-with-i18n';
import { Checkbox } from './checkbox';
import { Select } from './select';
import { TextArea } from './text-area';
import { TextField } from './text-field';

describe('TextField', () => {
  it('is named by its label and described by its hint', () => {
    renderWithI18n(<TextField label="邮箱" hint="用于登录" name="email" />);
    const input = screen.getByLabelText('邮箱');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('用于登录');
  });

  it('marks itself invalid and reads out the error with the field', () => {
    renderWithI18n(<TextField label="Email" error="email must be an email address" />);
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('email must be an email address');
  });
});

describe('Select', () => {
  it('is labelled and reports the chosen value', () => {
    const onChange = vi.fn();
    renderWithI18n(
      <Select label="排序" value="newest" onChange={(e) => onChange(e.target.value)} options={[{ value: 'newest', label: '最新' }, { value: 'name', label: '名称' }]} />,
    );
    fireEvent.change(screen.getByLabelText('排序'), { target: { value: 'name' } });
    expect(onChange).toHaveBeenCalledWith('name');
  });
});

describe('Checkbox', () => {
  it('is toggled through its label, which includes the detail', () => {
    const onChange = vi.fn();
    renderWithI18n(<Checkbox label="仅看有货" detail="(40)" onChange={(e) => onChange(e.target.checked)} />);
    fireEvent.click(screen.getByLabelText('仅看有货(40)'));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});

describe('TextArea', () => {
  it('is named by its label, described by its hint and marked invalid with its error', () => {
    const onChange = vi.fn();
    renderWithI18n(<TextArea label="粘贴清单" hint="每行一条" error="第 2 行无法识别" onChange={(e) => onChange(e.target.value)} />);
    const area = screen.getByLabelText('粘贴清单');
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    const described = (area.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['每行一条', '第 2 行无法识别']);
    fireEvent.change(area, { target: { value: 'POTATO-01-1,10' } });
    expect(onChange).toHaveBeenCalledWith('POTATO-01-1,10');
  });
});
