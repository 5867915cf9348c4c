/** The app shell: header, skip link, and the page for the current route (the room display alone, without the shell). */
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from './components/Link.js';
import { JoinPage } from './pages/JoinPage.js';
import { DashboardPage, HomePage, RoomPage } from './pages/lazyPages.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SessionPage } from './pages/SessionPage.js';
import { matchRoute, useLocation } from './router.js';

/** The whole app. */
export function App() {
  const location = useLocation();
  const route = matchRoute(location);
  const mainRef = useRef<HTMLElement>(null);

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each navigation; the path is the trigger, not an input
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading && !heading.contains(document.activeElement) && document.activeElement?.tagName !== 'INPUT') {
      heading.focus();
    }
  }, [location.pathname]);

  let page: ReactNode;
  switch (route.name) {
    case 'home':
      page = <HomePage />;
      break;
    case 'join':
      page = <JoinPage key={route.sessionId} sessionId={route.sessionId} inviteCode={route.inviteCode} />;
      break;
    case 'session':
      page = <SessionPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'dashboard':
      page = <DashboardPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'room':
      // Full screen for a projector: no app header, nothing to skip.
      return (
        <main id="main" className="main-room" ref={mainRef} tabIndex={-1}>
          <RoomPage key={route.sessionId} sessionId={route.sessionId} />
        </main>
      );
    case 'not-found':
      page = <NotFoundPage />;
      break;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" href="/">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect x="3" y="9" width="26" height="6" rx="2" />
            <rect x="6" y="15" width="3" height="12" rx="1" />
            <rect x="23" y="15" width="3" height="12" rx="1" />
          </svg>
          Worktable
        </Link>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {page}
      </main>
    </>
  );
}
