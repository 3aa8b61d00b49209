/**
 * downloadInBrowser: the browser build's one way to save a file — a link clicked from the user's
 * tap, saving `url` (a drawn picture's data URL, a result spreadsheet's link) under `fileName`.
 */
export function downloadInBrowser(url: string, fileName: string, doc: Document = document): void {
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  doc.body.appendChild(a)
  a.click()
  a.remove()
}
