// POST /co2/search/agenda (modern, assumed wire format): recurring events expanded in calendar mode.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW_SEC, postForm, sandboxFor } from './helpers.mjs';

let server;
before(async () => {
  server = await sandboxFor();
});
after(() => server.close());

const agenda = async (fields) => (await postForm(server.url, '/co2/search/agenda', fields)).body;

test('calendar mode: one row per occurrence of a recurring event, sorted, in the event zone', async () => {
  const from = new Date(NOW_SEC * 1000).toISOString();
  const to = new Date((NOW_SEC + 28 * 86400) * 1000).toISOString();
  const body = await agenda({ startDateUTC: from, endDateUTC: to });
  assert.ok(Array.isArray(body.results));
  assert.equal(body.count.events, body.results.length);
  const starts = body.results.map((row) => (row.startDateSortFormat ? Date.parse(row.startDateSortFormat.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Date.parse(row.startDate.replace('+0000', 'Z'))));
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  const recurring = server.data.collections.events.find((entry) => entry.visible && entry.doc.recurrency && entry.doc.openingHours.length === 1);
  const rows = body.results.filter((row) => row._id.$id === recurring.id);
  assert.ok(rows.length >= 3 && rows.length <= 5, `${rows.length} weekly occurrences in four weeks`);
  for (const row of rows) {
    assert.equal(row.startDateSort.timezone, recurring.doc.timeZone);
    assert.match(row.startDateSortFormat, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{4}$/);
    assert.equal(row.startDateSortFormat.slice(11, 16), recurring.doc.openingHours[0].hours[0].opens, 'the wall-clock time is the slot opening time');
  }
});

test('calendar mode keeps Paris wall-clock times across the DST change', async () => {
  const from = new Date(Date.UTC(2027, 2, 15)).toISOString();
  const to = new Date(Date.UTC(2027, 3, 10)).toISOString();
  const body = await agenda({ startDateUTC: from, endDateUTC: to });
  const paris = server.data.collections.events.find((entry) => entry.visible && entry.doc.recurrency && entry.doc.timeZone === 'Europe/Paris');
  const rows = body.results.filter((row) => row._id.$id === paris.id);
  assert.ok(rows.length >= 3);
  assert.ok(new Set(rows.map((row) => row.startDateSortFormat.slice(11, 16))).size === 1, 'same local time every week');
  assert.deepEqual([...new Set(rows.map((row) => row.startDateSortFormat.slice(-5)))].sort(), ['+0100', '+0200']);
});

test('calendar mode: one-off events overlapping the window, type and name filters', async () => {
  const from = new Date(NOW_SEC * 1000).toISOString();
  const to = new Date((NOW_SEC + 60 * 86400) * 1000).toISOString();
  const body = await agenda({ startDateUTC: from, endDateUTC: to, type: 'concert' });
  assert.ok(body.results.length > 0);
  assert.ok(body.results.every((row) => row.typeEvent === 'concert'));
  const ongoing = await agenda({ startDateUTC: from, endDateUTC: from });
  assert.ok(ongoing.results.some((row) => !row.recurrency && Date.parse(row.startDate.replace('+0000', 'Z')) / 1000 < NOW_SEC), 'events in progress overlap the window');
});

test('list mode: pages by indexStep, newest start first, recurring events once', async () => {
  const first = await agenda({ indexStep: 20 });
  const second = await agenda({ indexStep: 20, indexMin: 20 });
  assert.equal(first.results.length, 20);
  assert.equal(second.results.length, 20);
  const ids = first.results.map((row) => row._id.$id);
  assert.equal(new Set(ids).size, 20);
  assert.ok(!second.results.some((row) => ids.includes(row._id.$id)));
  const all = await agenda({ indexStep: 0 });
  const recurringIds = all.results.filter((row) => row.recurrency).map((row) => row._id.$id);
  assert.equal(new Set(recurringIds).size, recurringIds.length);
});
