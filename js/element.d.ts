/**
 * `<liveblog-filter for="ID">`: importing this module defines the element. Attributes:
 * `for`, the id of the blog's container, or several ids separated by spaces (a post pinned
 * outside the list's container: `for="pinned liveblog"`); `param-prefix`, the prefix of its
 * parameters in the address (default `lbf-`); `label`, its panel's accessible name (default
 * "Filter this live blog").
 */
export declare class LiveBlogFilter extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'liveblog-filter': LiveBlogFilter;
  }
}
