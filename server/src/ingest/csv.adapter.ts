import { parse, CsvError } from 'csv-parse/sync';
import { indicatorInput, type IndicatorInput } from '../../../shared/schemas/indicator.js';
import { AppError, type ErrorIssue } from '../errors.js';
import { invalidItems, MAX_ITEMS, tooManyItems } from './json.adapter.js';

const NUMERIC = ['value', 'cumulative', 'yoy', 'cumulativeYoy', 'mom', 'annualTarget'] as const;
const TEXT = ['code', 'region', 'period', 'unit'] as const;
const BOOLEAN = ['exercise'] as const;

/** Column names the CSV header may use: the JSON field names of an indicator. */
export const INDICATOR_COLUMNS: readonly string[] = [...TEXT, ...NUMERIC, ...BOOLEAN];
const REQUIRED = ['code', 'region', 'period'];

/** Plain decimal or exponent notation; no thousands separators, percent signs or units. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Row {
  record: string[];
  info: { lines: number };
}

function readRows(text: string): Row[] {
  try {
    return parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as Row[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const path = `row ${line ?? '?'}`;
      throw new AppError(422, 'validation_failed', `${path}: the number of fields differs from the header`, [{ path, message: 'the number of fields differs from the header' }]);
    }
    throw new AppError(400, 'malformed_csv', `Malformed CSV${line ? ` at line ${line}` : ''}: ${err.message}`);
  }
}

function checkHeader(header: string[]): void {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (!INDICATOR_COLUMNS.includes(name)) {
      issues.push({ path: `header.${name || `column ${i + 1}`}`, message: `unknown column; known columns: ${INDICATOR_COLUMNS.join(', ')}` });
    } else if (seen.has(name)) {
      issues.push({ path: `header.${name}`, message: 'column appears twice' });
    }
    seen.add(name);
  });
  for (const name of REQUIRED) if (!seen.has(name)) issues.push({ path: `header.${name}`, message: 'required column is missing' });
  if (!seen.has('value') && !seen.has('cumulative')) issues.push({ path: 'header.value', message: 'a value or cumulative column is required' });
  if (issues.length > 0) throw new AppError(422, 'validation_failed', `Invalid CSV header: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/** One row → an indicator candidate; cells that are not numbers become issues. */
function rowToCandidate(header: string[], row: Row, issues: ErrorIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = row.record[i] ?? '';
    if (cell === '') return; // an empty cell is an absent value
    const path = `row ${row.info.lines}.${name}`;
    if ((NUMERIC as readonly string[]).includes(name)) {
      if (NUMBER.test(cell)) out[name] = Number(cell);
      else issues.push({ path, message: `"${cell.slice(0, 40)}" is not a number (plain digits, "." as decimal point)` });
    } else if ((BOOLEAN as readonly string[]).includes(name)) {
      if (/^(true|1)$/i.test(cell)) out[name] = true;
      else if (/^(false|0)$/i.test(cell)) out[name] = false;
      else issues.push({ path, message: 'must be true or false' });
    } else {
      out[name] = cell;
    }
  });
  return out;
}

/**
 * Parses `text/csv` with a header row into indicators. Row numbers in errors are line
 * numbers of the file, the header being row 1 (`row 3.value`).
 */
export function parseIndicatorCsv(text: string, max = MAX_ITEMS): IndicatorInput[] {
  const [head, ...rows] = readRows(text);
  if (!head) throw new AppError(422, 'validation_failed', 'Empty CSV: a header row and at least one data row are required', [{ path: 'header', message: 'missing' }]);
  checkHeader(head.record);
  if (rows.length === 0) throw new AppError(422, 'validation_failed', 'The CSV has a header but no data rows', [{ path: 'row 2', message: 'no data rows' }]);
  if (rows.length > max) throw tooManyItems(rows.length, max);
  const issues: ErrorIssue[] = [];
  const items: IndicatorInput[] = [];
  for (const row of rows) {
    const rowIssues: ErrorIssue[] = [];
    const candidate = rowToCandidate(head.record, row, rowIssues);
    const result = indicatorInput.safeParse(candidate);
    if (!result.success) {
      for (const i of result.error.issues) {
        const path = `row ${row.info.lines}.${i.path.map(String).join('.')}`;
        // A cell already reported as not a number is not also "required".
        if (!rowIssues.some((r) => r.path === path)) rowIssues.push({ path, message: i.message });
      }
    } else if (rowIssues.length === 0) {
      items.push(result.data);
    }
    issues.push(...rowIssues);
  }
  if (issues.length > 0) throw invalidItems(issues);
  return items;
}
