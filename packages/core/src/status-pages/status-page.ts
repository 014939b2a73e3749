// The status pages' domain objects, camelCase (repositories map rows to these).

/** A stored page as the domain sees it (not its logo bytes: findStatusPageLogo). */
export interface StatusPage {
  id: number;
  tenantId: number;
  slug: string;
  title: string;
  description: string | null;
  icon: string | null;
  theme: string;
  published: boolean;
  showTags: boolean;
  footerText: string | null;
  customCSS: string | null;
  showPoweredBy: boolean;
  googleAnalyticsId: string | null;
  showCertificateExpiry: boolean;
  /** Seconds between refreshes of the public page; 0 never refreshes (Kuma 2.0's field). */
  autoRefreshInterval: number;
}

/** An incident of a page; a page shows its one pinned incident. */
export interface Incident {
  id: number;
  title: string;
  content: string;
  style: string;
  pin: boolean;
  createdAt: Date;
  lastUpdatedAt: Date | null;
}
