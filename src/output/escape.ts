/** Text made safe inside HTML and XML (GraphML) element content and double-quoted attributes. Browser-safe. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
