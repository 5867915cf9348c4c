/**
 * The pages that load as chunks of their own (issue #20): the entry holds only the shell, the
 * join page and the session page's first step, so an invite link shows its form quickly; the table
 * comes next (the join page fetches it while you type your name), and the home page, the
 * dashboard and the room display only for whoever opens them.
 */
import { Loading, lazyPart } from '../components/Loading.js';

/** A page's fallback: the quiet line in the page's narrow column. */
const opening = (text: string) => (
  <div className="page page-narrow">
    <Loading text={text} className="h-quiet" />
  </div>
);

/** The open table (canvas, protocol panel, people): the join and session pages preload it. */
export const SessionTable = lazyPart(() => import('./SessionTable.js').then((m) => m.SessionTable), opening('Opening the table…'));
/** `/`: starting a session (hosts). */
export const HomePage = lazyPart(() => import('./HomePage.js').then((m) => m.HomePage), opening('Loading…'));
/** The host dashboard. */
export const DashboardPage = lazyPart(
  () => import('../dashboard/DashboardPage.js').then((m) => m.DashboardPage),
  opening('Opening the dashboard…'),
);
/** The room display (a projector's page, without the app's header). */
export const RoomPage = lazyPart(() => import('../room/RoomPage.js').then((m) => m.RoomPage), opening('Opening the room display…'));
