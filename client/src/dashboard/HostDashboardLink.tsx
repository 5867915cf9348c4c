/** The table page's way to the host dashboard (rendered for the host only). */
import { Link } from '../components/Link.js';
import { dashboardPath } from '../router.js';

/** Props of `HostDashboardLink`. */
export interface HostDashboardLinkProps {
  sessionId: string;
}

/** A link to `/s/:sessionId/dashboard`. */
export function HostDashboardLink({ sessionId }: HostDashboardLinkProps) {
  return (
    <Link className="button ghost" href={dashboardPath(sessionId)}>
      Host dashboard
    </Link>
  );
}
