import { createBrowserRouter, Navigate } from 'react-router';
import { SetupPage } from '../pages/auth/setup-page.js';
import { DashboardHome } from '../pages/dashboard/dashboard-home.js';
import { DashboardLayout } from '../pages/dashboard/dashboard-layout.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { AppLayout } from './app-layout.js';
import {
  AddStatusPagePage,
  EditStatusPagePage,
  MaintenancePage,
  ManageStatusPagesPage,
  MonitorEditPage,
  MonitorPage,
  SettingsPage,
} from './lazy-pages.js';
import { SignedIn } from './signed-in.js';

/**
 * Uptime Kuma's routes, so URLs people know keep working (`/dashboard/17` gives the id for a
 * badge URL). The API serves index.html for exactly these paths (apps/api/src/http/web-app/);
 * a new top-level route needs its prefix added there too. Sections with their own sub-pages
 * (`/settings/*`, `/maintenance/*`) route inside their page component. Pages off the first
 * screen are lazy chunks (lazy-pages.tsx).
 */
export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  {
    element: <SignedIn />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/', element: <Navigate to="/dashboard" replace /> },
          { path: '/login', element: <Navigate to="/dashboard" replace /> },
          {
            element: <DashboardLayout />,
            children: [
              { path: '/dashboard', element: <DashboardHome /> },
              { path: '/dashboard/:id', element: <MonitorPage /> },
              { path: '/add', element: <MonitorEditPage mode="add" /> },
              { path: '/edit/:id', element: <MonitorEditPage mode="edit" /> },
              { path: '/clone/:id', element: <MonitorEditPage mode="clone" /> },
            ],
          },
          { path: '/settings/*', element: <SettingsPage /> },
          { path: '/manage-status-page', element: <ManageStatusPagesPage /> },
          { path: '/add-status-page', element: <AddStatusPagePage /> },
          { path: '/edit-status-page/:slug', element: <EditStatusPagePage /> },
          { path: '/maintenance/*', element: <MaintenancePage /> },
          { path: '/add-maintenance', element: <Navigate to="/maintenance/add" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
