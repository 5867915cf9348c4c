/**
 * A button that opens a small menu (the ARIA menu-button pattern): the first item takes the focus;
 * arrow keys, Home and End move between items; Escape closes and returns to the button; a click
 * outside or Tab closes it. Choosing an item closes the menu, then runs the item.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** One entry of a menu. */
export interface MenuItem {
  label: string;
  onSelect(): void;
  /** E.g. "danger". */
  className?: string;
}

/** Props of `MenuButton`. */
export interface MenuButtonProps {
  /** What the button shows (text, or an icon with `buttonLabel`). */
  children: ReactNode;
  /** The button's accessible name when `children` is not text. */
  buttonLabel?: string;
  buttonClassName: string;
  /** The menu's accessible name. */
  menuLabel: string;
  items: readonly MenuItem[];
  /** Class of the wrapper (positioned, the menu is placed against it). */
  className?: string;
  /** Extra class of the menu, e.g. "menu-below". */
  menuClassName?: string;
  disabled?: boolean;
}

/** A menu button. */
export function MenuButton({
  children,
  buttonLabel,
  buttonClassName,
  menuLabel,
  items,
  className,
  menuClassName,
  disabled,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [open]);

  const moveFocus = (key: string) => {
    const all = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = key === 'Home' ? 0 : key === 'End' ? all.length - 1 : (at + (key === 'ArrowDown' ? 1 : all.length - 1)) % all.length;
    all[next]?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: closes the menu on Escape from any item inside it (event delegation); the items are buttons
    <div
      className={className}
      ref={ref}
      onKeyDown={(event) => {
        if (!open) return;
        if (event.key === 'Escape') {
          event.stopPropagation();
          event.preventDefault();
          setOpen(false);
          ref.current?.querySelector('button')?.focus();
        } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
          event.preventDefault();
          event.stopPropagation();
          moveFocus(event.key);
        } else if (event.key === 'Tab') setOpen(false);
      }}
    >
      <button
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {children}
      </button>
      {open && (
        <div className={menuClassName ? `menu ${menuClassName}` : 'menu'} role="menu" id={id} aria-label={menuLabel}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.className}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
