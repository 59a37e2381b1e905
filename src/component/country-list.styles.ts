/**
 * The country picker's open list. Plain text, not Lit's `css`: the list is a chunk that imports nothing at
 * run time (see `country-list.ts`), and the picker adopts these beside the element's own styles.
 */
const css = String.raw;

export default css`
  .picker {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25rem);
    display: flex;
    flex-direction: column;
    max-block-size: 20rem;
    border: 1px solid var(--otp-flow-color-border);
    border-radius: var(--otp-flow-radius);
    /* The field's colour over the system's page colour: opaque even when the theme's background is not. */
    background: linear-gradient(var(--otp-flow-color-field), var(--otp-flow-color-field)) Canvas;
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
    overflow: hidden;
  }
  .picker-head {
    display: flex;
    border-block-end: 1px solid var(--otp-flow-color-border);
  }
  .picker input {
    min-block-size: var(--otp-flow-control-height);
  }
  .picker input:focus-visible {
    outline: 3px solid var(--otp-flow-color-focus);
    outline-offset: -3px;
  }
  .picker ul {
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .picker li {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-block-size: 44px;
    padding: 0 0.75rem;
    cursor: pointer;
  }
  .picker li[aria-selected='true'] {
    font-weight: 600;
  }
  .picker li.active {
    background: color-mix(in srgb, var(--otp-flow-color-primary) 14%, transparent);
    outline: 2px solid var(--otp-flow-color-focus);
    outline-offset: -2px;
  }
  .picker .name {
    flex: 1 1 auto;
  }
  .picker .dial {
    color: var(--otp-flow-color-muted);
  }
  .picker .none {
    padding: 0.75rem;
  }
  .close {
    display: none;
    border: 0;
    background: none;
    min-inline-size: 44px;
    font-size: 1.5em;
    cursor: pointer;
  }
  /* A phone held upright: the list takes the screen, the keyboard below it. */
  .full {
    position: fixed;
    inset: 0;
    max-block-size: none;
    border: 0;
    border-radius: 0;
  }
  .full .close {
    display: block;
  }
`;
