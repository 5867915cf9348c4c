/**
 * Parts of the app that load as chunks of their own (issue #20: the join page and the table come
 * first, everything else when it is needed): `Loading`, the small polite "Loading…" shown
 * meanwhile, and `lazyPart`, which wraps a part's `import()` in a component with its own Suspense
 * boundary, so a part that is still on its way never blanks the page around it.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

/** Props of `Loading`. */
export interface LoadingProps {
  /** What is loading, e.g. "Loading the dashboard…"; "Loading…" when absent. */
  text?: string;
  className?: string;
}

/** A quiet status line while a part of the app loads (announced politely). */
export function Loading({ text = 'Loading…', className }: LoadingProps) {
  return (
    <p className={className ? `loading ${className}` : 'loading'} role="status">
      {text}
    </p>
  );
}

/** A lazily loaded part: a component, and `preload` to fetch its chunk before it is shown. */
export type LazyPart<P> = ComponentType<P> & { preload(): Promise<unknown> };

/** Shows what to do instead of a part that failed: its chunk did not arrive (the network dropped, a deploy replaced it), or it threw. */
class PartFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('a part of the page could not be shown', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="alert loading-failed" role="alert">
        This part of the page could not be shown.{' '}
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    );
  }
}

/**
 * The component `load` resolves to, loaded on first render (or `preload`), shown with `fallback`
 * (nothing by default) until it has arrived. A preload that failed is tried again by the next
 * `preload` or first render; a part that fails to load when shown says so, with a reload button.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Inner = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: lazyPart runs once at module load, not during a render; each call makes one stable component
  const Part = (props: P) => {
    // A part already loaded (preloaded, or shown before) renders at once: going through Suspense
    // would suspend even then, show the fallback, and hold the part back (React reveals content
    // that replaced a fallback at most every 300 ms). Chosen once per mount, so it never remounts.
    const [Ready] = useState(() => loaded);
    return (
      <PartFailure>
        {Ready ? (
          <Ready {...props} />
        ) : (
          <Suspense fallback={fallback}>
            <Inner {...props} />
          </Suspense>
        )}
      </PartFailure>
    );
  };
  return Object.assign(Part, { preload });
}

/**
 * Fetches `part` once the page is idle (within 2 s at the latest): for a part that must be there
 * the moment it is needed, without being in the way of what the page shows first. Returns the
 * cancel, for an effect's cleanup.
 */
export function preloadWhenIdle(part: Pick<LazyPart<never>, 'preload'>): () => void {
  const run = () => void part.preload().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 2_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}

/**
 * Whether `shown` has been true at least once: a lazily loaded dialog is mounted the first time it
 * opens (its chunk loads then) and stays mounted after it closes, keeping what was chosen in it.
 */
export function useShownOnce(shown: boolean): boolean {
  const [once, setOnce] = useState(shown);
  if (shown && !once) setOnce(true);
  return once || shown;
}
