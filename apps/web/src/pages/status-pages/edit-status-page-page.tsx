import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type {
  DomainVerificationState,
  IncidentJson,
  PublicStatusPageConfig,
  StatusPageConfig,
} from '@watchpost/core';
import { Page } from '../../components/layout.js';
import { request } from '../../lib/dashboard-client.js';
import { errorMessage } from '../../lib/emit-with-ack.js';
import { strings } from '../../strings.js';
import '../admin-pages.css';
import { IncidentEditor } from './incident-editor.js';
import { publicPageDataUrl, usePublicPathPrefix } from './public-page-url.js';
import { StatusPageEditor } from './status-page-editor.js';
import {
  isSamePage,
  statusPageFormFromData,
  type PublicGroupIn,
  type StatusPageForm,
} from './status-page-form.js';

/** The page's public JSON: its groups in order and the pinned incident. */
interface PageData {
  config: PublicStatusPageConfig;
  publicGroupList?: PublicGroupIn[];
  incident?: IncidentJson | null;
}

async function fetchPageData(prefix: string, slug: string): Promise<PageData> {
  const response = await fetch(publicPageDataUrl(prefix, slug));
  if (!response.ok) throw new Error(strings.statusPages.notFound);
  return (await response.json()) as PageData;
}

interface Loaded {
  form: StatusPageForm;
  icon: string;
  incident: IncidentJson | null;
  domainVerification: DomainVerificationState[];
}

/**
 * `/edit-status-page/:slug`: Kuma edits a status page on its public page (`/status/:slug?edit`);
 * Watchpost's public pages are server-rendered, so the editor lives here. The config comes
 * from `getStatusPage`, the groups and the pinned incident from the page's public JSON
 * (docs/protocol/status-pages.md#page-data) under the tenant's public path prefix, as the
 * Python client reads them too.
 */
export function EditStatusPagePage() {
  const { slug = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const prefix = usePublicPathPrefix();

  useEffect(() => {
    let current = true;
    setLoaded(null);
    setFailure(null);
    // The public JSON is the tenant's only once `info` said where its pages live.
    if (prefix === undefined) return;
    Promise.all([request('getStatusPage', slug), fetchPageData(prefix, slug)])
      .then(([answer, data]) => {
        if (!current) return;
        const config = answer.config as StatusPageConfig;
        if (!isSamePage(config, data.config)) throw new Error(strings.statusPages.notThisTenant);
        setLoaded({
          form: statusPageFormFromData(config, data.publicGroupList ?? []),
          icon: config.icon,
          incident: data.incident ?? null,
          domainVerification: (answer.domainVerification ?? []) as DomainVerificationState[],
        });
      })
      .catch((error: unknown) => current && setFailure(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [slug, prefix]);

  return (
    <Page
      title={
        loaded ? strings.statusPages.editNamed(loaded.form.title) : strings.statusPages.editTitle
      }
    >
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {!loaded && !failure && <p className="loading">{strings.common.loading}</p>}
      {loaded && (
        <div className="stack admin-form">
          <IncidentEditor slug={slug} pinned={loaded.incident} />
          <StatusPageEditor
            slug={slug}
            initial={loaded.form}
            icon={loaded.icon}
            domainVerification={loaded.domainVerification}
          />
        </div>
      )}
    </Page>
  );
}
