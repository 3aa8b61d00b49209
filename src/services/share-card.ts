/**
 * The drawn 5:4 image of a chat card (@policy/pictures/share-card), for onShareAppMessage's imageUrl:
 * cardImage draws one, withCard adds it to a share. WeChat asks for the share synchronously; a card
 * not drawn yet goes out through the hook's `promise` (WeChat waits up to 3 s for it, then uses the
 * fields given without it). Cards are kept per content for the session (renderImage draws them one
 * at a time on the page's card canvas).
 */
import { layoutShareCard, type ShareCardContent } from '@policy/pictures'
import { renderImage } from './canvas'
import type { AppMessageShare } from './share'

const drawn = new Map<string, Promise<string | null>>()
const ready = new Map<string, string>()

/** The card's image (a temp file path in WeChat); null when it could not be drawn. Never rejects. */
export function cardImage(content: ShareCardContent): Promise<string | null> {
  const key = JSON.stringify(content)
  let p = drawn.get(key)
  if (!p) {
    p = renderImage('card', (m) => layoutShareCard(content, m)).then(
      (src) => {
        if (src) ready.set(key, src)
        else drawn.delete(key)
        return src
      },
      (e: unknown) => {
        console.warn('[share card] not drawn', e)
        drawn.delete(key)
        return null
      },
    )
    drawn.set(key, p)
  }
  return p
}

/** What WeChat's onShareAppMessage takes: the image at once when drawn, else a promise of the share with it. */
export type ShareWithCard = AppMessageShare & { promise?: Promise<AppMessageShare> }

export function withCard(share: AppMessageShare, content: ShareCardContent): ShareWithCard {
  const done = ready.get(JSON.stringify(content))
  if (done) return { ...share, imageUrl: done }
  return { ...share, promise: cardImage(content).then((imageUrl) => (imageUrl ? { ...share, imageUrl } : share)) }
}
