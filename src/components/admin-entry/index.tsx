/**
 * 管理: a small button to the admin pages, shown only to admins — and, while the service has no
 * admin yet and a bootstrap code is configured, to whoever may claim the first seat (README,
 * "Admins"). Asked when the page opens and each time it shows again; for anyone else, or when the
 * cloud cannot be reached, it renders nothing.
 */
import { useCallback, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { adminMe } from '@/services/admin'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import { ROUTES } from '@/state/navigation'

import './index.scss'

interface Props {
  /** Element id (tests find the button by it): 'home-admin' on the home page. */
  id?: string
  className?: string
}

export function AdminEntry({ id = 'home-admin', className }: Props) {
  const [shown, setShown] = useState(false)
  const alive = useAlive()
  // On open and each time the page shows again (home stays open): a removed admin loses the button,
  // a claimed seat shows it, without restarting the mini-program. Calls at once share one request.
  const refresh = useCallback(() => {
    void adminMe().then((me) => {
      if (alive.current) setShown(me?.isAdmin === true || me?.canClaim === true)
    })
  }, [alive])
  useLoadOnOpen(refresh)
  useDidShow(refresh)
  if (!shown) return null
  return (
    <Button id={id} className={`btn admin-entry${className ? ` ${className}` : ''}`} onClick={() => void Taro.navigateTo({ url: ROUTES.admin })}>
      管理
    </Button>
  )
}

export default AdminEntry
