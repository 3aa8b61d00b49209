/**
 * Whether the component is still on screen (useAlive): a cloud answer that arrives after its page
 * closed is dropped instead of setting state on an unmounted component. useLoadOnOpen runs a page's
 * load when it opens, on the same guard.
 */
import { useEffect, useRef, type MutableRefObject } from 'react'

export function useAlive(): MutableRefObject<boolean> {
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])
  return alive
}

/** Runs `load` when the component opens, and again whenever `load` changes (its inputs changed). */
export function useLoadOnOpen(load: () => Promise<unknown> | void): void {
  useEffect(() => {
    void load()
  }, [load])
}
