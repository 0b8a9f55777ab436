/**
 * Files the API serves only with the bearer token (receipt photos, evidence documents) cannot be an `<img src>` or
 * a link: they are fetched with `parseAs: 'blob'` and shown from a blob URL, which the caller revokes when done.
 */
export function blobUrlOf(result: { response: Response; data?: unknown }): string {
  // Not `instanceof Blob`: the fetch's Blob may come from another realm (tests, extensions) than the page's.
  if (!result.response.ok || typeof result.data !== 'object' || result.data === null || !('size' in result.data)) {
    throw new Error(`HTTP ${result.response.status}`);
  }
  return URL.createObjectURL(result.data as Blob);
}
