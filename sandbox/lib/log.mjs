// The request log tests read to count what a widget fetched (GET /__sandbox/log?key=…).

const MAX_LOGGED_BODY = 4096;

/**
 * @typedef {object} LogEntry
 * @property {string} time ISO timestamp (wall clock: the log is for tests, not part of the data)
 * @property {string} method
 * @property {string} path without any /__fault/ prefix
 * @property {string} query query string without __fault parameters ("" when none)
 * @property {string | null} body the raw body (first 4 kB), null when there was none
 * @property {string | null} fault the step played, e.g. "503" or "ok", null when no fault was asked
 * @property {string | null} key the fault key
 */

export class RequestLog {
  /** @param {number} capacity */
  constructor(capacity = 2000) {
    this.capacity = capacity;
    /** @type {LogEntry[]} */
    this.entries = [];
  }

  /** @param {LogEntry} entry */
  add(entry) {
    if (entry.body && entry.body.length > MAX_LOGGED_BODY) entry.body = entry.body.slice(0, MAX_LOGGED_BODY);
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** @param {string | null} key only the requests made with this fault key */
  list(key) {
    return key === null ? this.entries.slice() : this.entries.filter((entry) => entry.key === key);
  }

  clear() {
    this.entries.length = 0;
  }
}
