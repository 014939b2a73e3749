import { Link } from 'react-router';
import { Page, Row } from '../../components/layout.js';
import { useDashboard } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';
import '../admin-pages.css';
import { publicPageUrl, usePublicPathPrefix } from './public-page-url.js';
import { statusPagesOf } from './status-page-list.js';

const s = strings.statusPages;

/** `/manage-status-page`: the tenant's status pages, each with its editor and public page. */
export function ManageStatusPagesPage() {
  const list = useDashboard((state) => state.statusPages);
  const pages = statusPagesOf(list);
  const prefix = usePublicPathPrefix() ?? '';
  return (
    <Page
      title={s.title}
      actions={
        <Link className="button button-primary" to="/add-status-page">
          {s.addTitle}
        </Link>
      }
    >
      {list === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : pages.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {pages.map((page) => (
            <li key={page.id} className="item">
              <div className="item-main">
                <strong>{page.title}</strong>
                <span className="field-hint">{publicPageUrl(prefix, page.slug)}</span>
              </div>
              {page.description && <p className="item-description">{page.description}</p>}
              <Row>
                <Link className="button button-secondary" to={`/edit-status-page/${page.slug}`}>
                  {s.editLink(page.title)}
                </Link>
                <a
                  className="button button-secondary"
                  href={publicPageUrl(prefix, page.slug)}
                  target="_blank"
                  rel="noreferrer"
                >
                  {s.openPublic(page.title)}
                </a>
              </Row>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
