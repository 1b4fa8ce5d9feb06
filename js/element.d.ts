/** `<liveblog-filter for="ID">`: importing this module defines the element. */
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
