/** Any path the app does not know. */
import { useEffect } from 'react';
import { Link } from '../components/Link.js';

/** The not-found page. */
export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Page not found · Worktable';
  }, []);
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1 tabIndex={-1}>Page not found</h1>
        <p className="lead">This address does not lead to a table. Check the link you were sent, or start a session.</p>
      </header>
      <div className="actions">
        <Link className="button primary" href="/">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
