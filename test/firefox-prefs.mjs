// Firefox preferences of every test browser (web-test-runner.config.mjs, test/build/): the same rule as
// Chromium's host-resolver-rules. Anything but loopback goes to a proxy on a closed loopback port and fails
// at once, with no DNS lookup.
export const FIREFOX_LOOPBACK_ONLY_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};
