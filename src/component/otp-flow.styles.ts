import { css } from 'lit';

/**
 * Every colour comes from a `--otp-flow-color-*` property. Three are the
 * theme (text, background, primary, with on-primary for the button's text);
 * the others default to mixes of those, so a page that sets a dark text and
 * background gets a muted tone, field, error and link colour that read on it
 * too. The defaults pass WCAG AA on white. Sizes are chosen for thumbs on
 * small phones: 48 px controls, 16 px text in inputs (no iOS zoom).
 *
 * Where `color-mix()` is missing (iOS before 16.2) a mixed colour is invalid
 * and falls back to the inherited text colour or a transparent background:
 * plainer, still readable.
 *
 * A button that does not work yet (aria-disabled: busy, or "Send a new code"
 * while its countdown runs) is dimmed, so it does not invite a tap.
 */
export default css`
  :host {
    --otp-flow-font-family: inherit;
    --otp-flow-font-size: 1rem;
    --otp-flow-color-text: #1b1f24;
    --otp-flow-color-background: transparent;
    --otp-flow-color-primary: #0b5cd5;
    --otp-flow-color-on-primary: #ffffff;
    --otp-flow-color-muted: color-mix(in srgb, var(--otp-flow-color-text) 72%, transparent);
    --otp-flow-color-field: var(--otp-flow-color-background);
    --otp-flow-color-border: color-mix(in srgb, var(--otp-flow-color-text) 55%, transparent);
    --otp-flow-color-error: color-mix(in srgb, #d1242f 60%, var(--otp-flow-color-text));
    --otp-flow-color-success: color-mix(in srgb, #1a7f37 60%, var(--otp-flow-color-text));
    --otp-flow-color-link: color-mix(in srgb, var(--otp-flow-color-primary) 65%, var(--otp-flow-color-text));
    --otp-flow-color-focus: var(--otp-flow-color-primary);
    --otp-flow-radius: 0.5rem;
    --otp-flow-gap: 0.75rem;
    --otp-flow-control-height: 3rem;

    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
    color: var(--otp-flow-color-text);
    background: var(--otp-flow-color-background);
    font-family: var(--otp-flow-font-family);
    font-size: var(--otp-flow-font-size);
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .root[data-waiting] {
    visibility: hidden;
  }

  .root,
  form {
    display: grid;
    gap: var(--otp-flow-gap);
    min-inline-size: 0;
  }

  label {
    font-weight: 600;
  }

  p {
    margin: 0;
  }

  .field {
    display: flex;
    align-items: stretch;
    min-inline-size: 0;
    border: 1px solid var(--otp-flow-color-border);
    border-radius: var(--otp-flow-radius);
    background: var(--otp-flow-color-field);
    overflow: hidden;
  }

  .field:focus-within {
    outline: 3px solid var(--otp-flow-color-focus);
    outline-offset: 1px;
  }

  .field[data-invalid] {
    border-color: var(--otp-flow-color-error);
    box-shadow: inset 0 0 0 1px var(--otp-flow-color-error);
  }

  input,
  button {
    font: inherit;
    color: inherit;
    /* 16px at least: iOS zooms into smaller inputs. */
    font-size: max(16px, 1em);
  }

  input {
    flex: 1 1 auto;
    min-inline-size: 0;
    inline-size: 100%;
    min-block-size: var(--otp-flow-control-height);
    padding: 0 0.75rem;
    border: 0;
    background: transparent;
    outline: none;
  }

  .code input {
    letter-spacing: 0.4em;
    font-variant-numeric: tabular-nums;
    text-align: center;
    font-size: max(20px, 1.25em);
  }

  .picker-anchor {
    position: relative;
  }

  .iso {
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.04em;
  }

  .prefix {
    flex: 0 0 auto;
    display: flex;
    align-items: center;
    padding: 0 0.625rem;
    border: 0;
    border-inline-end: 1px solid var(--otp-flow-color-border);
    background-color: transparent;
    color: var(--otp-flow-color-muted);
    white-space: nowrap;
    min-block-size: var(--otp-flow-control-height);
    min-inline-size: 44px;
  }

  .submit {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: var(--otp-flow-control-height);
    padding: 0 1.25rem;
    border: 0;
    border-radius: var(--otp-flow-radius);
    background: var(--otp-flow-color-primary);
    color: var(--otp-flow-color-on-primary);
    font-weight: 600;
    cursor: pointer;
  }

  .submit[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .link {
    justify-self: start;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0 0.25rem;
    border: 0;
    background: none;
    color: var(--otp-flow-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  button:focus-visible {
    outline: 3px solid var(--otp-flow-color-focus);
    outline-offset: 2px;
  }

  .error {
    color: var(--otp-flow-color-error);
    font-weight: 500;
  }

  .error:empty,
  .status:empty {
    display: none;
  }

  .muted {
    color: var(--otp-flow-color-muted);
  }

  /* Read out, not shown: the button already says it. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--otp-flow-gap);
  }

  .success {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--otp-flow-color-success);
    font-weight: 600;
    outline: none;
  }

  .success svg {
    flex: 0 0 auto;
  }

  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
`;
