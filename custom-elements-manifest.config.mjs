// Generates dist/custom-elements.json for IDEs, Storybook and docs (`npm run build`).
export default {
  globs: ['src/component/otp-flow.component.ts', 'src/component/events.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      name: 'otp-flow-cleanup',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.customElement) continue;
            // Registered by defineOtpFlow(), so the analyzer cannot see the tag.
            decl.tagName = 'otp-flow';
            // Internal reactive state, and what defineOtpFlow hands its subclass, are not API.
            decl.attributes = (decl.attributes ?? []).filter((a) => !a.name.startsWith('_'));
            decl.members = (decl.members ?? []).filter((m) => !m.name.startsWith('_') && m.privacy !== 'private' && m.privacy !== 'protected');
            decl.events = (decl.events ?? []).filter((e) => e.name);
          }
        }
      },
    },
  ],
};
