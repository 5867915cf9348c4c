/**
 * Parts of the app that load as chunks of their own (issue #20: the join page and the table come
 * first, everything else when it is needed): `Loading`, the small polite "Loading…" shown
 * meanwhile, and `lazyPart`, which wraps a part's `import()` in a component with its own Suspense
 * boundary, so a part that is still on its way never blanks the page around it.
 */
import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

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
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  const Inner = lazy(() => preload().then((component) => ({ default: component })));
  const Part = (props: P) => (
    <PartFailure>
      <Suspense fallback={fallback}>
        <Inner {...props} />
      </Suspense>
    </PartFailure>
  );
  return Object.assign(Part, { preload });
}
