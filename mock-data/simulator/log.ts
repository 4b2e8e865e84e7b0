/**
 * The logging the simulator needs; a pino logger fits as is (`log.info(obj, msg)`), so
 * `npm start` can hand over its own.
 */
export interface SimLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Warnings and errors to stderr, progress to stdout, one line each. */
export const consoleLog: SimLog = {
  info: (obj, msg) => console.log(msg ?? '', JSON.stringify(obj)),
  warn: (obj, msg) => console.warn(msg ?? '', JSON.stringify(obj, errorReplacer)),
  error: (obj, msg) => console.error(msg ?? '', JSON.stringify(obj, errorReplacer)),
};

/** Logs nothing (tests). */
export const silentLog: SimLog = { info: () => {}, warn: () => {}, error: () => {} };

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, ...('code' in value ? { code: value.code } : {}) } : value;
}
