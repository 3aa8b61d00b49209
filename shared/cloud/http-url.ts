/** Source links of deadlines and of the list's status: isHttpUrl, an http(s) URL with a dotted host. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
