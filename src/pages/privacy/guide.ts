/**
 * PRIVACY_GUIDE: the text of the mini-program's 用户隐私保护指引 — what the 隐私说明 page shows and
 * what docs/privacy.md gives to paste into WeChat's form (a test keeps the two word for word equal,
 * and the doc's table of privacy-scoped APIs agreeing with `items`). GuideItem is one information
 * type of WeChat's form (its name there, privacy_key, and our 用途, which WeChat shows as
 * "为了<用途>，开发者将在获取你的明示同意后，<verb>。" — itemSentence); GuideSection a heading
 * with its paragraphs; PrivacyGuide the whole.
 * What is stored is as shared/cloud/repos/docs.ts keeps it: nothing from the questionnaire.
 */
export interface GuideItem {
  /** WeChat's privacy_key (setPrivacySetting). */
  key: 'MessageFile' | 'AlbumWriteOnly' | 'Clipboard'
  /** The type's name in WeChat's form. */
  type: string
  /** What WeChat's sentence says the developer does with it. */
  verb: string
  /** 用途, without 为了 (WeChat adds it). */
  purpose: string
}

export interface GuideSection {
  heading: string
  paragraphs: string[]
}

export interface PrivacyGuide {
  title: string
  intro: string
  items: GuideItem[]
  sections: GuideSection[]
  updated: string
}

export const PRIVACY_GUIDE: PrivacyGuide = {
  title: '政策算盘用户隐私保护指引',
  intro:
    '本指引说明「政策算盘」小程序（以下简称本小程序）处理哪些信息、为什么处理、保存在哪里。根据法律规定，本小程序仅处理实现小程序功能所必要的信息。',
  items: [
    {
      key: 'MessageFile',
      type: '选中的文件',
      verb: '收集你选中的文件',
      purpose: '让管理员从微信聊天中选择申报批次表或园区企业名单，导入申报截止时间或进行园区批量测算',
    },
    {
      key: 'AlbumWriteOnly',
      type: '相册（仅写入）权限',
      verb: '使用你的相册（仅写入）权限',
      purpose: '把你生成的政策海报或测算单图片保存到手机相册（只写入，不读取相册中的其他内容）',
    },
    {
      key: 'Clipboard',
      type: '剪切板',
      verb: '使用你的剪切板',
      purpose: '把政策依据链接、分享文字或你的用户编号复制到剪切板，方便你粘贴发送（只写入，不读取剪切板内容）',
    },
  ],
  sections: [
    {
      heading: '本小程序在云端保存的信息',
      paragraphs: [
        '申报提醒：你点“提醒我”并在微信的订阅消息弹窗中同意后，云端保存微信为本小程序分配给你的用户编号（不是微信号或手机号）、你订阅的政策措施和申报批次、提醒类型、剩余可发送次数，以及每条提醒的发送记录，只用于在截止日期前给你发送提醒。',
        '管理员：管理员的用户编号、添加人和备注，以及管理员每次修改申报批次、清单状态和管理员名单的操作记录（操作人、时间、改动内容）。',
        '园区批量测算：管理员选择的名单文件保存在该管理员自己的云存储文件夹中，测算完成后原文件即删除，只保留结果表格，管理员可随时删除；任务记录只有文件名和行数，不含企业的测算金额。',
      ],
    },
    {
      heading: '不保存的信息',
      paragraphs: [
        '你在问卷中填写的答案和测算结果只保存在你的手机上（微信本地缓存）。为核对结果，答案会发给云端的测算功能计算一次，算完即丢弃，不写入数据库。收藏的措施和上次浏览时间也只保存在本机。本小程序不收集你的昵称、头像、手机号和位置。',
      ],
    },
    {
      heading: '保存期限',
      paragraphs: [
        '信息只保存到实现上述用途所必要的最短时间：提醒发送完毕或你取消提醒后，订阅记录不再使用；园区批量测算的结果由管理员自行删除。',
      ],
    },
    {
      heading: '使用与对外提供',
      paragraphs: [
        '以上信息只用于本指引所列的用途，不会共享、转让或公开披露给任何第三方。提醒通过微信的订阅消息发送。',
      ],
    },
    {
      heading: '你的权益',
      paragraphs: [
        '你可以在小程序右上角“…”→“设置”中查看和关闭相册等授权；可以在“我的提醒”中取消提醒。如需查阅、更正或删除你的信息，或对本指引有疑问，可以通过首页的“问工作人员”联系我们。',
        '拒绝本指引不影响浏览政策和测算；只有选择聊天文件、保存图片到相册、复制这三项功能需要你同意后才能使用，需要时会再次询问。',
      ],
    },
  ],
  updated: '2026年12月6日',
}

/**
 * One information type as the page says it: WeChat's sentence, with 本小程序 where WeChat's form
 * says 开发者 (a word the pages keep for developers).
 */
export function itemSentence(item: GuideItem): string {
  return `为了${item.purpose}，本小程序将在获取你的明示同意后，${item.verb}。`
}
