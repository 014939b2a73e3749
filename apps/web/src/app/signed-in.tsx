import { Navigate, Outlet } from 'react-router';
import { useDashboard } from '../lib/dashboard-client.js';
import { LoginPage } from '../pages/auth/login-page.js';
import { strings } from '../strings.js';
import { ConnectionBanner } from './connection-banner.js';

/**
 * The gate in front of every page but `/setup`: the login form in place (the URL stays, so a
 * person lands where the link pointed), `/setup` while no account exists.
 */
export function SignedIn() {
  const phase = useDashboard((s) => s.auth.phase);
  switch (phase) {
    case 'loggedIn':
      return <Outlet />;
    case 'needSetup':
      return <Navigate to="/setup" replace />;
    case 'loggedOut':
      return (
        <>
          <ConnectionBanner />
          <LoginPage />
        </>
      );
    case 'unknown':
      return (
        <>
          <ConnectionBanner />
          <p className="loading" role="status">
            {strings.common.loading}
          </p>
        </>
      );
  }
}
