/** Saves a file from the page: a Blob behind a temporary object URL and an `<a download>`. */

/**
 * @example downloadBlob('events.csv', new Blob([csv], { type: 'text/csv' }))
 */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @example downloadText('events.kml', kml, 'application/vnd.google-earth.kml+xml') */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}
