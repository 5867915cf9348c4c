/**
 * Catches a failure to load or run the editor chunk (e.g. the network dropped, or a deploy
 * replaced the chunk) so one document shows a retry button instead of taking the canvas down.
 */
import { Component, type ReactNode } from 'react';

/** Props of `EditorBoundary`. */
export interface EditorBoundaryProps {
  children: ReactNode;
}

interface EditorBoundaryState {
  failed: boolean;
}

/** Error boundary around the lazily loaded document editor. */
export class EditorBoundary extends Component<EditorBoundaryProps, EditorBoundaryState> {
  override state: EditorBoundaryState = { failed: false };

  static getDerivedStateFromError(): EditorBoundaryState {
    return { failed: true };
  }

  override render() {
    // React.lazy remembers a failed import, so only a reload retries it.
    if (!this.state.failed) return this.props.children;
    return (
      <div className="wt-doc-failed" role="alert">
        <p>The editor could not be loaded.</p>
        <button type="button" className="wt-doc-retry" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
