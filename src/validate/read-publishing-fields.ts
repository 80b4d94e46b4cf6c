/** The time-sensitive fields: embargo, draft, corrections (updated/update_note, updates) and withdrawn. */
import { describeValue } from '../problems.js';
import type { IsoDate, Update, Withdrawal } from '../types.js';
import type { FieldReader } from './field-reader.js';
import { parseReleaseDate } from './parse-date.js';
import { parseInstant } from './parse-instant.js';

/** What the fields say about when and how the release may be shown. */
export interface PublishingFields {
  embargo?: number;
  draft: boolean;
  updates: Update[];
  withdrawn?: Withdrawal;
}

/** Reads and checks the fields; problems go to the reader. `date` is the release's own date, when it was valid. */
export function readPublishingFields(reader: FieldReader, date: IsoDate | undefined, timeZone: string): PublishingFields {
  const fields: PublishingFields = { draft: readDraft(reader), updates: readUpdates(reader, date, timeZone) };
  const embargoText = reader.text('embargo', false);
  if (embargoText !== undefined) {
    const parsed = parseInstant(embargoText, timeZone);
    if (parsed.ok) fields.embargo = parsed.instant;
    else reader.fail('embargo', parsed.message);
  }
  const withdrawn = readWithdrawn(reader, date, timeZone);
  if (withdrawn) fields.withdrawn = withdrawn;
  return fields;
}

function readDraft(reader: FieldReader): boolean {
  const value = reader.data.draft;
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  reader.fail('draft', `expected true or false, got ${describeValue(value)}`);
  return false;
}

/** `updated` + `update_note` is one correction; `updates` lists several; both may be given, and are merged by date. */
function readUpdates(reader: FieldReader, date: IsoDate | undefined, timeZone: string): Update[] {
  const updates: Update[] = [];
  const single = reader.text('updated', false);
  const note = reader.text('update_note', false);
  if (single !== undefined && note === undefined && reader.data.update_note === undefined) {
    reader.fail('updated', 'needs an "update_note" line saying what was corrected, such as "update_note: Corrected the funding figure"');
  } else if (note !== undefined && single === undefined && reader.data.updated === undefined) {
    reader.fail('update_note', 'needs an "updated" line with the date of the correction, such as "updated: 2024-07-13"');
  } else if (single !== undefined && note !== undefined) {
    const checked = checkDay(reader, 'updated', single, date, timeZone);
    if (checked) updates.push({ date: checked, note });
  }

  const list = reader.data.updates;
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) {
      reader.fail('updates', `expected a list of corrections, each with "date" and "note" lines, got ${describeValue(list)}`);
    } else {
      list.forEach((item: unknown, index) => {
        const field = `updates.${index}`;
        const record = isRecord(item) ? item : undefined;
        const itemDate = record?.date;
        const itemNote = record?.note;
        if (!record || typeof itemDate !== 'string' || typeof itemNote !== 'string' || itemNote.trim() === '') {
          reader.fail(field, `item ${index + 1} should have a "date" (such as 2024-07-13) and a "note" saying what was corrected; got ${describeValue(item)}`);
          return;
        }
        const checked = checkDay(reader, field, itemDate, date, timeZone);
        if (checked) updates.push({ date: checked, note: itemNote.trim() });
      });
    }
  }
  return updates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function readWithdrawn(reader: FieldReader, date: IsoDate | undefined, timeZone: string): Withdrawal | undefined {
  const value = reader.data.withdrawn;
  if (value === undefined || value === null) return undefined;
  const expected = 'expected "date" and "reason" lines below it, such as\n  withdrawn:\n    date: 2024-07-14\n    reason: It announced a decision not yet made';
  if (!isRecord(value)) return reader.fail('withdrawn', `${expected}; got ${describeValue(value)}`);
  const { date: when, reason } = value;
  if (typeof when !== 'string') return reader.fail('withdrawn.date', `${expected}; the date is ${describeValue(when)}`);
  if (typeof reason !== 'string' || reason.trim() === '') return reader.fail('withdrawn.reason', `${expected}; the reason is ${describeValue(reason)}`);
  const checked = checkDay(reader, 'withdrawn.date', when, date, timeZone);
  return checked ? { date: checked, reason: reason.trim() } : undefined;
}

/** A correction or withdrawal date: a real date, not before the release's own. */
function checkDay(reader: FieldReader, field: string, text: string, date: IsoDate | undefined, timeZone: string): IsoDate | undefined {
  const parsed = parseReleaseDate(text, timeZone);
  if (!parsed.ok) return reader.fail(field, parsed.message);
  if (date !== undefined && parsed.date < date) return reader.fail(field, `${parsed.date} is before the release's date, ${date}; a correction or withdrawal comes on or after it`);
  return parsed.date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
