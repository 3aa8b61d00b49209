/** The tick that lets the user's own figures onto something shared; off by default. */
import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  id: string
  /** '在海报上显示我的测算金额' */
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}

/**
 * The one box that lets the user's own figures into something shared (poster, chat card): unticked
 * by default, so nothing of theirs leaves the phone unless they say so.
 */
export default function FigureTick({ id, label, checked, onChange }: Props) {
  return (
    <View
      className={`figure-tick${checked ? ' figure-tick--on' : ''}`}
      id={id}
      ariaRole='checkbox'
      aria-checked={checked ? 'true' : 'false'}
      ariaLabel={label}
      data-checked={checked ? '1' : '0'}
      onClick={() => onChange(!checked)}
    >
      <Text className='figure-tick__box'>{checked ? '☑' : '☐'}</Text>
      <Text className='figure-tick__label'>{label}</Text>
    </View>
  )
}
