import type { Language } from '../domain/language';
import type { NoticeText } from '../domain/notice-messages';
import { escapeHtml } from './render-invoice-html';

export interface NoticeEmail {
  subject: string;
  html: string;
  text: string;
}

/** A notice as an e-mail: the same paragraphs in HTML and in plain text, signed with the seller's name. */
export function renderNoticeEmail(text: NoticeText, language: Language, sellerName: string): NoticeEmail {
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(text.subject)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#222">
<p>${escapeHtml(text.greeting)}</p>
${text.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p>${escapeHtml(text.closing)}<br>${escapeHtml(sellerName)}</p>
</body>
</html>
`;
  const plain = [text.greeting, '', ...text.paragraphs.flatMap((paragraph) => [paragraph, '']), text.closing, sellerName, ''].join('\n');
  return { subject: text.subject, html, text: plain };
}
