// The per-element entries of package.json "exports" (`./cc-x.js`, kept by scripts/package-exports.mjs), in
// every test browser: each one registers its own element and no other, and every element of the manifest has
// one. This page loads nothing else, so the registry starts empty.
import { expect } from '@open-wc/testing';

interface Manifest {
  modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[];
}

type ExportTarget = string | { types?: string; default?: string };

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.ok, `${url} is served (npm run build writes it)`).to.be.true;
  return (await response.json()) as T;
}

describe('per-element entries (package.json exports)', () => {
  it('exist for every element of the manifest, and each registers its element only', async () => {
    const { exports } = await json<{ exports: Record<string, ExportTarget> }>('/package.json');
    const manifest = await json<Manifest>('/custom-elements.json');
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.customElement && d.tagName ? [d.tagName] : [])).sort();
    expect(tags.length, 'the manifest names elements').to.be.greaterThan(0);
    const entries = Object.keys(exports).filter((key) => /^\.\/cc-[a-z0-9-]+\.js$/.test(key)).sort();
    expect(entries).to.deep.equal(tags.map((tag) => `./${tag}.js`));

    for (const [index, tag] of tags.entries()) {
      const target = exports[`./${tag}.js`];
      const file = typeof target === 'string' ? target : target.default;
      expect(file, `./${tag}.js has a default target`).to.be.a('string');
      expect(typeof target === 'string' ? undefined : target.types, `./${tag}.js has its types`).to.match(/\.d\.ts$/);
      await import(`/${file!.replace(/^\.\//, '')}`);
      // Sorted order: this entry and the ones before it are defined, the ones after are not (yet).
      for (const [other, otherTag] of tags.entries()) {
        expect(Boolean(customElements.get(otherTag)), `after importing ${file}: <${otherTag}>`).to.equal(other <= index);
      }
    }
  });
});
