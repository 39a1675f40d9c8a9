// Glue of demo/states.html, loaded before /demo.js and the widgets:
//   ?only=<state>   keeps that one section (the others are removed before their widgets make a request);
//   data-fault      points a widget at the sandbox's fault injection (sandbox/README.md, "Fault injection"):
//                   api-base = <origin>/__fault/<key>/<spec>, so every request it makes plays <spec>.

const params = new URLSearchParams(location.search);
const only = params.get('only');
if (only) {
  const sections = [...document.querySelectorAll('section[data-state]')];
  if (sections.some((section) => section.dataset.state === only)) {
    for (const section of sections) if (section.dataset.state !== only) section.remove();
    document.body.dataset.only = only;
    document.title = `${only} · ${document.title}`;
  }
}

const requested = params.get('api-base');
const apiBase = requested && /^https?:\/\//.test(requested) ? requested.replace(/\/+$/, '') : location.origin;
for (const [index, element] of [...document.querySelectorAll('[data-fault]')].entries()) {
  // One key per widget and page load: the counters of one never shift the steps of another.
  const key = `states-${element.localName}-${index}-${Date.now().toString(36)}`;
  element.setAttribute('api-base', `${apiBase}/__fault/${key}/${encodeURIComponent(element.dataset.fault)}`);
}
