import type { HTMLAttributes } from 'react';
import { cx } from './lib/cx';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'div' | 'section' | 'article' | 'li' | 'aside';
}

export function Card({ as: Tag = 'div', className, ...props }: CardProps) {
  return (
    <Tag
      className={cx('rounded-2xl bg-white shadow-sm ring-1 ring-stone-200', className)}
      {...props}
    />
  );
}
