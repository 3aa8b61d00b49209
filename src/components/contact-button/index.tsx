/**
 * 问工作人员 (ContactButton): WeChat's customer-service session (`open-type="contact"`), offering the
 * page the person was on as a card they can send, so the staff member sees what they were looking
 * at. H5 has no customer service: it says where to find it instead.
 */
import { View, Text, Button } from '@tarojs/components'

import './index.scss'

interface Props {
  /** Element id (tests find the button by it): 'home-contact', 'results-contact', 'detail-contact'. */
  id: string
  /**
   * The page's route with its query, from the route helpers (@policy/links, @/state/navigation):
   * the card opens it, for the person and for the staff member who receives it.
   */
  path: string
  /** The card's title; WeChat's default is the page's title. */
  title?: string
}

/**
 * Placed below a page's content, after its disclaimer: a secondary full-width button (the page's
 * primary action stays the one filled button), with a short line that says what it is for.
 */
export default function ContactButton({ id, path, title }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='contact-button' id={id}>
        <Text className='contact-button__note'>有疑问，可以在微信中打开「政策算盘」小程序，点「问工作人员」。</Text>
      </View>
    )
  }
  // showMessageCard: WeChat offers this page as a card in the session (the person sends it with one
  // tap); sendMessagePath is where the card opens, sendMessageTitle its title
  // (developers.weixin.qq.com/miniprogram/dev/component/button.html, open-type="contact").
  return (
    <View className='contact-button'>
      <Text className='contact-button__note'>对政策或测算有疑问？</Text>
      <Button className='btn contact-button__tap' id={id} openType='contact' showMessageCard sendMessagePath={path} sendMessageTitle={title}>
        问工作人员
      </Button>
    </View>
  )
}
