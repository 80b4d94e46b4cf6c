/** The `attachments` field: each item an address, or `{title, url}`, listed with a readable title and file type. */
import { describeValue } from '../problems.js';
import type { Attachment } from '../types.js';
import { checkUrl } from './check-url.js';
import type { FieldReader } from './field-reader.js';

/** Reads and checks every attachment; problems go to the reader. */
export function readAttachments(reader: FieldReader): Attachment[] {
  const value = reader.data.attachments;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    reader.fail('attachments', `expected a list of addresses or of {title, url} items, got ${describeValue(value)}`);
    return [];
  }
  const attachments: Attachment[] = [];
  value.forEach((item: unknown, index) => {
    const field = `attachments.${index}`;
    const given = typeof item === 'string' ? { url: item } : isRecord(item) ? item : undefined;
    if (!given || typeof given.url !== 'string') {
      reader.fail(field, `item ${index + 1} should be an address, or "title" and "url" lines; got ${describeValue(item)}`);
      return;
    }
    const checked = checkUrl(given.url.trim());
    if (!checked.ok) {
      reader.fail(field, `item ${index + 1}: ${checked.message}`);
      return;
    }
    if (given.title !== undefined && (typeof given.title !== 'string' || given.title.trim() === '')) {
      reader.fail(field, `item ${index + 1}: the title should be text, got ${describeValue(given.title)}`);
      return;
    }
    const unknownKeys = Object.keys(given).filter((key) => key !== 'url' && key !== 'title');
    if (unknownKeys.length > 0) reader.warn(field, `item ${index + 1}: unknown key ${unknownKeys.map((k) => `"${k}"`).join(', ')} is ignored; an attachment has "title" and "url"`);
    attachments.push({
      title: typeof given.title === 'string' ? given.title.trim() : titleFromUrl(checked.url),
      url: checked.url.href,
      fileType: fileTypeOf(checked.url),
    });
  });
  return attachments;
}

/** "PDF" for ".../report.pdf"; "" when the address's last segment has no short extension. */
export function fileTypeOf(url: URL): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(url.pathname);
  return match ? match[1]!.toUpperCase() : '';
}

/** "Fiscal strategy report 2023" for ".../fiscal-strategy_report-2023.pdf". */
export function titleFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  if (last === undefined) return url.hostname;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Keep the raw segment: a malformed escape is still a readable name.
  }
  const words = name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[-_+]+/g, ' ').trim();
  return words === '' ? url.hostname : words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
