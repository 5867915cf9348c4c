/**
 * Printing one part of the dashboard: the print stylesheet (plan.css) shows only that part while
 * `<html data-printing="…">` is set; Ctrl+P without it prints the view as it is, controls left out.
 */

/** What a print button prints. */
export type PrintPart = 'plan' | 'itineraries';

/** Prints `part`, then puts the page back. */
export function printPart(part: PrintPart): void {
  const root = document.documentElement;
  root.dataset.printing = part;
  const done = () => {
    delete root.dataset.printing;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
