/** In-app links: real `<a href>` elements (so open-in-new-tab works) that navigate without reloading. */
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate } from '../router.js';

/** Props of `Link`: an anchor whose `href` is an in-app path. */
export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  children: ReactNode;
}

/** An anchor that uses the in-app router for plain left clicks. */
export function Link({ href, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
