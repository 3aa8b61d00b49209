/**
 * Page sizes of the repositories' queries: PAGE (the default) and page() (a caller's limit made a
 * whole number from 1 to the maximum, 1000 by default: WeChat's largest server-side query).
 */
/** Default and maximum page sizes. */
export const PAGE = 100;

export function page(limit: number | undefined, max = 1000): number {
  const n = limit ?? PAGE;
  return Math.max(1, Math.min(max, Math.floor(n)));
}
