/** @jsx h */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Permissions } from '../../domain/permissions';
import type { Language, Messages } from '../i18n';

/** What every page is rendered with: the language, who is logged in, and the CSRF token of their forms. */
export interface PageContext {
  t: Messages;
  lang: Language;
  path: string;
  user: { name: string; permissions: Permissions };
  csrf: string;
  notice?: { kind: 'done' | 'error'; text: string };
}

const sections = [
  ['/', 'overview'],
  ['/contracts', 'contracts'],
  ['/operations', 'operations'],
  ['/billing-runs', 'billingRuns'],
  ['/invoices', 'invoices'],
  ['/payments', 'payments'],
  ['/deliveries', 'deliveries'],
  ['/topics', 'topics'],
] as const;

export function Layout(props: { context: PageContext; title: string; children: ComponentChildren }) {
  const { t, lang, path, user, csrf, notice } = props.context;
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t.title}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer />
      </head>
      <body data-csrf={csrf}>
        <a class="skip" href="#main">{t.skip}</a>
        <header>
          <span class="brand">Boissipay</span>
          <nav aria-label={t.nav}>
            <ul>
              {sections.map(([href, key]) => (
                <li>
                  <a href={href} aria-current={(href === '/' ? path === '/' : path.startsWith(href)) ? 'page' : undefined}>{t[key]}</a>
                </li>
              ))}
            </ul>
          </nav>
          <a class="lang" href={`/language/${other}?back=${encodeURIComponent(path)}`} lang={other} hreflang={other}>
            {other === 'fr' ? 'Français' : 'English'}
          </a>
          <form method="post" action="/auth/logout" class="logout">
            <span>{`${t.loggedInAs} ${user.name}`}</span>
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">{t.logout}</button>
          </form>
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {notice && (
            <p role={notice.kind === 'error' ? 'alert' : 'status'} class={`notice ${notice.kind}`}>
              {notice.text}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A POST form of an operator action: CSRF token, a required reason, confirmation before it is sent. */
export function ActionForm(props: { context: PageContext; action: string; label: string; reason?: 'required' | 'optional' | 'none'; children?: ComponentChildren }) {
  const { t, csrf } = props.context;
  const reason = props.reason ?? 'required';
  const id = `reason-${props.action.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <form method="post" action={props.action} class="action" data-confirm={`${props.label} — ${t.confirm}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      {props.children}
      {reason !== 'none' && (
        <span class="field">
          <label for={id}>{t.reason}</label>
          <input id={id} name="reason" maxLength={500} required={reason === 'required'} />
        </span>
      )}
      <button type="submit">{props.label}</button>
    </form>
  );
}

/** Money as the APIs give it (decimal amounts) in the page's language. */
export function money(amount: number | string | undefined, currency: string, lang: Language): string {
  if (amount === undefined) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(Number(amount));
}
