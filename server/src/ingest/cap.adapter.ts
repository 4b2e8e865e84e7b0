import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { alertInput, type AlertArea, type AlertParsed } from '../../../shared/schemas/alert.js';
import type { WarningLevel } from '../../../shared/schemas/common.js';
import { levelFromSeverity } from '../../../shared/domain/warning.js';
import { alertCategoryFor, CAP_NAMESPACE, levelFromColourWord } from '../../../shared/cap/cap-mapping.js';
import { AppError, type ErrorIssue } from '../errors.js';
import { capAlert, capPath, type CapAlert, type CapInfo } from './cap-document.js';

/** Elements CAP 1.2 allows more than once: always arrays, even when sent once. */
const REPEATABLE = new Set(['info', 'area', 'polygon', 'circle', 'geocode', 'category', 'responseType', 'resource', 'parameter', 'eventCode', 'code']);

const parser = new XMLParser({
  // Only namespace declarations matter (to check the CAP version); CAP carries data in elements.
  ignoreAttributes: (name: string) => !name.startsWith('xmlns'),
  attributeNamePrefix: '@',
  // Feeds use both `<alert xmlns=…>` and `<cap:alert xmlns:cap=…>`.
  transformTagName: (name: string) => name.replace(/^[^:]+:/, ''),
  // Identifiers such as `0071` must stay strings.
  parseTagValue: false,
  trimValues: true,
  isArray: (tagName: string) => REPEATABLE.has(tagName),
});

function unprocessable(message: string, issues: ErrorIssue[]): AppError {
  return new AppError(422, 'validation_failed', message, issues);
}

/** Checks well-formedness and the root element; returns the raw `alert` object. */
function readAlertElement(xml: string): Record<string, unknown> {
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    const { msg, line, col } = check.err;
    const where = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new AppError(400, 'malformed_xml', `Malformed XML at ${where}: ${msg}`, [{ path: where, message: msg }]);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    // Well-formed but refused by the parser's safety rules (external entities, reserved names).
    throw new AppError(400, 'malformed_xml', `XML not accepted: ${(err as Error).message}`);
  }
  const root = doc.alert;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw unprocessable('The root element must be a CAP 1.2 <alert>', [{ path: 'alert', message: 'root element <alert> is missing' }]);
  }
  const attrs = root as Record<string, unknown>;
  const namespaces = Object.keys(attrs)
    .filter((k) => k.startsWith('@xmlns'))
    .map((k) => attrs[k]);
  if (!namespaces.includes(CAP_NAMESPACE)) {
    const found = namespaces.length ? ` (found ${namespaces.join(', ')})` : ' (no namespace declared)';
    const message = `must be in the CAP 1.2 namespace ${CAP_NAMESPACE}${found}`;
    throw unprocessable(`<alert> ${message}`, [{ path: 'alert.xmlns', message }]);
  }
  return attrs;
}

/** Picks the info block to show: the first Chinese one, else the first. */
function pickInfo(infos: CapInfo[]): { info: CapInfo; index: number } | null {
  const zh = infos.findIndex((i) => i.language?.toLowerCase().startsWith('zh'));
  const index = zh >= 0 ? zh : 0;
  const info = infos[index];
  return info ? { info, index } : null;
}

function areasOf(info: CapInfo, all: CapInfo[]): AlertArea[] {
  // Translations sometimes carry the geometry only once: borrow it rather than lose it.
  const source = info.area.length > 0 ? info : (all.find((i) => i.area.length > 0) ?? info);
  return source.area.map((a) => ({ areaDesc: a.areaDesc, polygons: a.polygon, circles: a.circle, geocodes: a.geocode }));
}

function levelOf(info: CapInfo, index: number): WarningLevel {
  const level = levelFromSeverity(info.severity) ?? levelFromColourWord(`${info.event} ${info.headline ?? ''}`);
  if (level) return level;
  const message = 'severity is Unknown and neither event nor headline names a warning colour (红色/橙色/黄色/蓝色 or red/orange/yellow/blue)';
  throw unprocessable(`alert.info[${index}].severity: ${message}`, [{ path: `alert.info[${index}].severity`, message }]);
}

/** The mapped alert must satisfy the JSON schema too; a miss is still the sender's 422 (at the areas' `info`). */
function finish(candidate: unknown, infoIndex = 0): AlertParsed {
  const result = alertInput.safeParse(candidate);
  if (result.success) return result.data;
  const at = (path: PropertyKey[]) => (path[0] === 'areas' ? `alert.info[${infoIndex}].area${path.length > 1 ? `[${String(path[1])}]` : ''}` : ['alert', ...path].map(String).join('.'));
  const issues = result.error.issues.map((i) => ({ path: at(i.path), message: i.message }));
  throw unprocessable(`Invalid CAP 1.2 alert: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

function toAlertInput(cap: CapAlert): AlertParsed {
  const base = {
    sourceId: cap.identifier,
    sender: cap.sender,
    sent: cap.sent,
    status: cap.status,
    msgType: cap.msgType,
    references: cap.references ?? [],
  };
  const picked = pickInfo(cap.info);
  if (!picked) {
    // Cancel/Ack/Error may come without info; the service acts on the referenced alert.
    return finish({ ...base, category: 'other', event: cap.msgType, level: 'blue' });
  }
  const { info, index } = picked;
  return finish(
    {
      ...base,
      category: alertCategoryFor(info.event, info.headline, info.category),
      event: info.event,
      level: levelOf(info, index),
      urgency: info.urgency,
      certainty: info.certainty,
      headline: info.headline,
      description: info.description,
      instruction: info.instruction,
      senderName: info.senderName,
      effective: info.effective,
      onset: info.onset,
      expires: info.expires,
      areas: areasOf(info, cap.info),
    },
    index,
  );
}

/**
 * Parses one OASIS CAP 1.2 message into the shape `IngestService.alerts` takes.
 * Throws AppError 400 `malformed_xml` (with line and column) for XML that is not
 * well-formed, and 422 `validation_failed` naming the CAP element (`alert.info[0].severity`).
 */
export function parseCap(xml: string): AlertParsed {
  const raw = readAlertElement(xml);
  const parsed = capAlert.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: capPath(i.path), message: i.message }));
    throw unprocessable(`Invalid CAP 1.2 alert: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }
  return toAlertInput(parsed.data);
}
