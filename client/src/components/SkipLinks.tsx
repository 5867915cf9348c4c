/**
 * Skip links of the table page, the first thing Tab reaches: straight to the toolbar (its first
 * button), the canvas, or the side panel, instead of tabbing through everything before them.
 */

/** A place a skip link goes to: a CSS selector of what receives the focus. */
export interface SkipTarget {
  label: string;
  selector: string;
}

/** The table page's targets. */
export const TABLE_SKIP_TARGETS: readonly SkipTarget[] = [
  { label: 'Skip to the toolbar', selector: '.canvas-toolbar button:not(:disabled)' },
  { label: 'Skip to the canvas', selector: '.canvas[role="region"]' },
  { label: 'Skip to the side panel', selector: 'aside.sidebar' },
];

/** The skip links (visible only while focused). */
export function SkipLinks({ targets = TABLE_SKIP_TARGETS }: { targets?: readonly SkipTarget[] }) {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {targets.map((target) => (
        <a
          key={target.selector}
          className="skip-link"
          href={`#${encodeURIComponent(target.label)}`}
          onClick={(event) => {
            const element = document.querySelector<HTMLElement>(target.selector);
            if (!element) return;
            event.preventDefault();
            element.focus();
            element.scrollIntoView({ block: 'nearest' });
          }}
        >
          {target.label}
        </a>
      ))}
    </nav>
  );
}
