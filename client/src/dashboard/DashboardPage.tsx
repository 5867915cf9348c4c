/**
 * `/s/:sessionId/dashboard`: the host dashboard. Uses the identity this browser stored for the
 * session (open the host link once to store it), checks with the server that it is the host's,
 * then shows the live dashboard. Anyone else gets a way back to the table.
 */
import { Dashboard } from './Dashboard.js';
import { HostOnlyPage, type HostOnlyWords } from './HostOnlyPage.js';

/** Props of `DashboardPage`. */
export interface DashboardPageProps {
  sessionId: string;
}

const WORDS: HostOnlyWords = {
  opening: 'Opening the dashboard…',
  noIdentity: {
    title: 'This browser is not the host here',
    lead: 'Open the host link you got when you created the session, then come back to the dashboard from the table.',
  },
  notHost: {
    title: 'Only the host sees the dashboard',
    lead: 'The dashboard lets the host seat people, run rounds and move people between tables. Your place is at your table.',
  },
  failed: 'Could not open the dashboard',
};

/** The dashboard page: who you are, then the dashboard or a way back. */
export function DashboardPage({ sessionId }: DashboardPageProps) {
  return (
    <HostOnlyPage sessionId={sessionId} words={WORDS}>
      {({ view, identity }) => (
        <Dashboard
          sessionId={sessionId}
          title={view.title}
          protocolId={view.protocol}
          token={identity.token}
          inviteCode={identity.inviteCode ?? null}
        />
      )}
    </HostOnlyPage>
  );
}
