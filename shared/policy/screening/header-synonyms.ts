/**
 * The words a park's own register uses for a column of the screening table (issue 27, item 2):
 * HEADER_SYNONYMS (CODE_COLUMN names the identity column), each pointing by id at the fact (or 名称 / 统一社会信用代码) it fills, and
 * HEADERS_ASIDE, headers a register often has that no fact of the catalog asks, with the reason they
 * are left aside. Data only: header-match.ts reads them. Written as a register writes them; they are
 * compared after the same normalising as every header (spaces, full-width brackets and letters, a
 * leading 是否 and a trailing ？ do not count), so '是否为中小企业' and '中小企业' are one entry.
 *
 * Only what one fact of the catalog asks: 规上（规模以上）、高新技术企业、行业、联系人 are asked by no
 * fact, so they are not read. No figure here: what a column means for an amount is the catalog's.
 */

/** The name of the identity column: a register's 统一社会信用代码 (credit-code.ts checks it). */
export const CODE_COLUMN = '统一社会信用代码';

export interface HeaderSynonyms {
  /** The column it fills: '名称', CODE_COLUMN, or a fact id of the catalog ('entity', 'sme', 'region.countyName'). */
  id: string;
  headers: readonly string[];
}

export const HEADER_SYNONYMS: readonly HeaderSynonyms[] = [
  { id: '名称', headers: ['企业名称', '单位名称', '公司名称', '企业（单位）名称', '单位（企业）名称', '企业全称', '单位全称', '公司全称', '企业名', '纳税人名称', '市场主体名称'] },
  { id: CODE_COLUMN, headers: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', '统一代码', '社会统一信用代码'] },
  { id: 'entity', headers: ['主体类别', '企业或园区'] },
  { id: 'region.cityName', headers: ['所属盟市', '所在盟市', '盟市', '盟市名称'] },
  { id: 'region.countyName', headers: ['所在旗县', '所属旗县', '所在旗县区', '所属旗县区', '所在旗县（市、区）', '所属旗县（市、区）', '旗县（市、区）', '旗县区', '旗县', '县区', '所在县区', '所属县区'] },
  { id: 'region.countyCode', headers: ['行政区划代码', '旗县区代码', '区划代码'] },
  // 国家中小企业划型标准: the questionnaire's own question (是否为中小企业？).
  { id: 'sme', headers: ['中小企业', '为中小企业', '中小微企业', '属于中小企业'] },
  { id: 'region.poverty', headers: ['脱贫地区', '属于脱贫地区', '脱贫旗县', '脱贫县'] },
  { id: 'region.oldRevolutionary', headers: ['革命老区', '属于革命老区'] },
];

export interface HeadersAside {
  headers: readonly string[];
  /** Said in the preview beside the column: why it is not read. */
  reason: string;
}

export const HEADERS_ASIDE: readonly HeadersAside[] = [
  {
    // The catalog's fact (m06.recognition) asks which recognition was obtained THIS year; a register
    // says whether the enterprise holds the title, from any year: reading one as the other would
    // promise a one-time award to every holder.
    headers: ['专精特新', '专精特新企业', '专精特新中小企业', '“专精特新”中小企业', '专精特新“小巨人”企业', '小巨人企业'],
    reason: '清单问的是本年度获得的认定类别，名单上的资质不能代替',
  },
  { headers: ['规上', '规上企业', '规模以上', '规模以上企业', '规模以上工业企业'], reason: '清单的措施没有用到是否规上' },
  { headers: ['高新技术企业', '高企', '国家高新技术企业'], reason: '清单的措施没有用到是否高新技术企业' },
];
