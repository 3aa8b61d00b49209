/**
 * 管理: a small button to the admin pages, shown only to admins — and, while the service has no
 * admin yet and a bootstrap code is configured, to whoever may claim the first seat (README,
 * "Admins"). Asked each time the page opens; for anyone else, or when the cloud cannot be
 * reached, it renders nothing.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { adminMe } from '@/services/admin'
import { ROUTES } from '@/state/navigation'

import './index.scss'

interface Props {
  /** Element id (tests find the button by it): 'home-admin' on the home page. */
  id?: string
  className?: string
}

export function AdminEntry({ id = 'home-admin', className }: Props) {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    let alive = true
    void adminMe().then((me) => {
      if (alive) setShown(me?.isAdmin === true || me?.canClaim === true)
    })
    return () => {
      alive = false
    }
  }, [])
  if (!shown) return null
  return (
    <Button id={id} className={`btn admin-entry${className ? ` ${className}` : ''}`} onClick={() => void Taro.navigateTo({ url: ROUTES.admin })}>
      管理
    </Button>
  )
}

export default AdminEntry
