/**
 * The catalog of 《内蒙古自治区 2022 年促进制造业高端化、智能化、绿色化发展政策清单》 (catalog2022): 30
 * measures, each with its clause verbatim and its items; findMeasure looks one up by id. Another
 * list is added as another Catalog object.
 */
import type { Catalog, Measure } from '../types';
import { COMMON_FACTS } from './common-facts';
import { section1 } from './section1';
import { section2 } from './section2';
import { section3 } from './section3';
import { section4 } from './section4';
import { section5 } from './section5';

export const catalog2022: Catalog = {
  id: 'nmg-manufacturing-2022',
  title: '内蒙古自治区 2022 年促进制造业高端化、智能化、绿色化发展政策清单',
  year: 2022,
  issuer: '内蒙古自治区',
  issuerNote: '清单正文未写明具体发文机关；以正式发布文件为准。',
  preamble: '为落实《内蒙古自治区关于促进制造业高端化、智能化、绿色化发展的意见》，制定以下政策措施。',
  source: 'shared/policy/source/policy-list-2022.txt',
  sections: [
    { number: 1, label: '一', title: '加强创新能力建设' },
    { number: 2, label: '二', title: '扩大有效投资' },
    { number: 3, label: '三', title: '促进产业智能化转型' },
    { number: 4, label: '四', title: '促进产业绿色化转型' },
    { number: 5, label: '五', title: '加强要素保障' },
  ],
  facts: COMMON_FACTS,
  measures: [...section1, ...section2, ...section3, ...section4, ...section5],
};

/** A measure by its id ('m08'), or undefined (no id, or none such). */
export function findMeasure(id: string | undefined, catalog: Catalog = catalog2022): Measure | undefined {
  return id ? catalog.measures.find((m) => m.id === id) : undefined;
}
