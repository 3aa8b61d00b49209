/**
 * What the screen function says (issue 23, item 3: one concept per file): SCREEN_MESSAGES, the
 * Chinese refusals a user reads (the local cloud's upload route says the same), and SCREEN_LOG, the
 * log lines only the server sees.
 */
import { MAX_ENTRIES, TOPICS } from '../../../policy/engine';
import { SCREEN_MAX_ROWS, SCREEN_TOO_BIG } from '../../api';

export const SCREEN_MESSAGES = {
  forbidden: '仅管理员和园区工作人员可以使用园区批量测算：请把你的用户编号发给管理员，由对方在「管理员」页添加你',
  fileName: '「文件名」应以 .xlsx 或 .csv 结尾（请用政策筛查模板填写）',
  size: '「文件大小」应为正整数（字节）',
  topics: `「主题」只能是问卷里的主题（${TOPICS.map((t) => t.label).join('、')}），每个最多一次`,
  projects: `「每种条目的项数」应为 1 到 ${MAX_ENTRIES} 之间的整数`,
  tooBig: SCREEN_TOO_BIG,
  // Reading stops at the limit (issue 27, item 4): `rows` is where it stopped, not the file's count.
  tooManyRows: (rows: number) =>
    `名单超过 ${SCREEN_MAX_ROWS} 行（读到第 ${rows} 行即停止），小程序一次最多测算 ${SCREEN_MAX_ROWS} 行。请把名单拆成几个文件分别测算。`,
  sheet: '「工作表」应为文件里一个工作表的名称',
  noRows: '名单中没有企业：表头和说明行之后没有填写任何一行',
  jobId: '「测算编号」无效，请重新选择文件',
  gone: '这次测算不存在（可能已删除），请重新选择文件',
  fileID: '「文件」不是这次测算上传的文件，请重新选择文件',
  notUploaded: '文件尚未上传完成，请重新选择文件',
  uploadMissing: '没有找到上传的文件，请重新选择文件',
  index: '「分段序号」无效：应按顺序测算',
  notScreening: '这次测算不在进行中，请重新选择文件',
  notConfirming: '这次测算不在等待确认列的对应，请重新选择文件',
  mapping: '「列的对应」应为名单每一列读作什么（或「不使用」）',
  confirmedAlready: '列的对应已经确认过，测算已开始',
  notDone: '这次测算还没有完成',
  partsMissing: '还有未测算的部分，请继续测算',
  partMissing: '中间结果已丢失，请重新选择文件测算',
  resultMissing: '结果文件已不存在（可能已删除）',
} as const;

/** Log lines (server side only). */
export const SCREEN_LOG = {
  noFiles: 'screen: no file store in the context (the shell did not provide cloud storage)',
  noUrl: 'screen: a stored file has no URL',
  badPart: 'screen: a stored part is not what chunk wrote',
  badRows: 'screen: a stored chunk of rows is not what open wrote',
  foreignFileId: 'screen: a stored file id does not end with its cloud path',
} as const;
