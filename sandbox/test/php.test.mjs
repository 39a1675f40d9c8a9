// The PHP behaviours the wire format depends on: $_POST parsing, json_encode, dates, labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_INPUT_VARS, parsePhpForm, phpJsonEncode, strtotime, urldecode, isoPhp, ymdHis } from '../lib/php.mjs';
import { pastTimeFr, zonedToUnix, parisOffsetMinutes, isoWithOffset } from '../lib/dates.mjs';
import { fold, foldForSearch, slugify } from '../lib/text.mjs';

test('parsePhpForm: bracket lists, nested maps, percent-encoded brackets', () => {
  const raw = parsePhpForm('searchType[]=events&searchType[]=poi&locality[abccities][id]=abc&locality[abccities][type]=cities&ranges[events][indexMin]=0');
  assert.deepEqual(raw.searchType, ['events', 'poi']);
  assert.equal(raw.locality.abccities.id, 'abc');
  assert.equal(raw.locality.abccities.type, 'cities');
  assert.equal(raw.ranges.events.indexMin, '0');
  const encoded = parsePhpForm(new URLSearchParams([['searchType[]', 'events'], ['filters[address.codeInsee]', '97411'], ['options[tags][verb]', '$all']]).toString());
  assert.deepEqual(encoded.searchType, ['events']);
  assert.equal(encoded.filters['address.codeInsee'], '97411', 'dots inside brackets are kept');
  assert.equal(encoded.options.tags.verb, '$all');
});

test('parsePhpForm: PHP name mangling, duplicates, explicit indexes, stray brackets', () => {
  const form = parsePhpForm('a.b=1&c d=2&x=1&x=2&list[1]=b&list[0]=a&odd[key=v&sortBy[name]=1');
  assert.equal(form.a_b, '1', 'a dot in a top-level name becomes "_"');
  assert.equal(form.c_d, '2', 'a space becomes "_"');
  assert.equal(form.x, '2', 'the last duplicate wins');
  assert.deepEqual(form.list, ['a', 'b']);
  assert.equal(form.odd_key, 'v', 'an unclosed bracket turns into "_"');
  assert.deepEqual({ ...form.sortBy }, { name: '1' });
});

test('parsePhpForm: __proto__ is plain data, and max_input_vars drops the excess', () => {
  const form = parsePhpForm('__proto__[polluted]=1&filters[__proto__][x]=1');
  assert.equal(({}).polluted, undefined);
  assert.equal(form.__proto__.polluted, '1');
  const many = Array.from({ length: MAX_INPUT_VARS + 50 }, (_, index) => `searchTags[]=t${index}`).join('&');
  assert.equal(parsePhpForm(many).searchTags.length, MAX_INPUT_VARS);
});

test('urldecode: "+" is a space, bad escapes survive', () => {
  assert.equal(urldecode('C%2B%2B+et+plus'), 'C++ et plus');
  assert.equal(urldecode('100%'), '100%');
  assert.equal(urldecode('%C3%A9t%C3%A9'), 'été');
});

test('phpJsonEncode writes ASCII with escaped slashes, like json_encode', () => {
  assert.equal(phpJsonEncode({ url: '/upload/a', name: 'Épicerie' }), '{"url":"\\/upload\\/a","name":"\\u00c9picerie"}');
  assert.equal(phpJsonEncode({ url: '/a' }, { unescapedSlashes: true }), '{"url":"/a"}');
  assert.deepEqual(JSON.parse(phpJsonEncode({ emoji: '👩🏽‍🚒', lone: '\uD800' })), { emoji: '👩🏽‍🚒', lone: '\uD800' });
});

test('dates: ISO with +0000, Y-m-d H:i:s, strtotime overflow', () => {
  const sec = Date.UTC(2026, 11, 13, 15, 4, 5) / 1000;
  assert.equal(isoPhp(sec), '2026-12-13T15:04:05+0000');
  assert.equal(ymdHis(sec), '2026-12-13 15:04:05');
  assert.equal(strtotime('2026-02-30'), Date.UTC(2026, 2, 2) / 1000, 'day overflow rolls over like PHP');
  assert.equal(strtotime('2026-12-15T14:00:00+0000'), Date.UTC(2026, 11, 15, 14) / 1000);
  assert.equal(strtotime('foo'), null);
});

test('Europe/Paris and Indian/Reunion wall clocks', () => {
  assert.equal(parisOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59)), 60);
  assert.equal(parisOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0)), 120, 'summer time starts on the last Sunday of March at 01:00 UTC');
  assert.equal(parisOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0)), 60, 'and ends on the last Sunday of October');
  assert.equal(zonedToUnix('Europe/Paris', 2026, 6, 14, 10, 0), Date.UTC(2026, 6, 14, 8, 0) / 1000);
  assert.equal(zonedToUnix('Europe/Paris', 2026, 11, 14, 10, 0), Date.UTC(2026, 11, 14, 9, 0) / 1000);
  assert.equal(zonedToUnix('Indian/Reunion', 2026, 11, 14, 10, 0), Date.UTC(2026, 11, 14, 6, 0) / 1000);
  assert.equal(isoWithOffset('Europe/Paris', Date.UTC(2026, 7, 14, 7) / 1000), '2026-08-14T09:00:00+0200');
});

test('pastTimeFr reproduces Translate::pastTime in French', () => {
  const now = Date.UTC(2026, 11, 1) / 1000;
  assert.equal(pastTimeFr(now - 3 * 86400, now), 'il y a 3 jours');
  assert.equal(pastTimeFr(now - 86400, now), 'il y a 1 jour');
  assert.equal(pastTimeFr(now - 3600 - 120, now), 'il y a 1 heure et 2 minutes');
  assert.equal(pastTimeFr(now + 2 * 86400, now), 'dans 2 jours');
  assert.equal(pastTimeFr(now - 400 * 86400, now), 'il y a 1 an et 4 jours');
  assert.equal(pastTimeFr(now - 365 * 86400, now), 'il y a 1 an et 0 jour', 'the PHP quirk is kept');
  assert.match(pastTimeFr(null, now), /^il y a 56 ans et \d+ jours?$/, 'a missing date counts from 1970');
});

test('text folding for search and slugs', () => {
  assert.equal(fold('Épicerie ŒUVRE'), 'epicerie ouvre');
  assert.equal(foldForSearch("L'Étang-Salé"), 'l etang sale');
  assert.equal(fold(42), null);
  assert.equal(slugify('La Fabrique du Bourg'), 'laFabriqueDuBourg');
  assert.equal(slugify("L'Atelier partagé (Moufia)"), 'lAtelierPartageMoufia');
});
