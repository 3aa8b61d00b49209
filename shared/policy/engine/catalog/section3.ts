/** 三、促进产业智能化转型 — measures （十一）…（十六） (section3). */
import type { Measure } from '../types';
import { choice, flag, wan } from './fact-helpers';

const PLATFORM_QUOTE =
  '对新创建的区域级、行业级、企业级的工业互联网平台，按照实际完成投资额的 20%、单个项目最高不超过 500万元、400万元、300万元给予奖补';
const PLATFORM_CAP_QUOTE = '单个项目最高不超过 500万元、400万元、300万元';

export const m11: Measure = {
  id: 'm11',
  number: 11,
  label: '（十一）',
  section: 3,
  title: '支持信息基础设施建设',
  clause:
    '（十一）支持信息基础设施建设。对新创建的区域级、行业级、企业级的工业互联网平台，按照实际完成投资额的 20%、单个项目最高不超过 500万元、400万元、300万元给予奖补。对新建工业互联网标识解析二级节点且与国家顶级节点实现互联互通的企业，给予 500万元一次性补助。对开展工业互联网标识解析创新应用的企业，依据应用效果给予补助，单个企业最高不超过 300万元。',
  audience: ['enterprise', 'project'],
  topic: 'digital',
  support: ['补助', '奖励'],
  facts: [
    flag('m11.identifierNode', '是否新建工业互联网标识解析二级节点，且已与国家顶级节点互联互通？'),
    flag('m11.identifierApplication', '是否开展了工业互联网标识解析创新应用？'),
  ],
  items: [
    {
      id: 'm11.platform-regional',
      kind: 'percent',
      title: '区域级工业互联网平台奖补',
      quote: PLATFORM_QUOTE,
      audience: ['enterprise', 'project'],
      repeat: { noun: '新创建的区域级工业互联网平台', facts: [wan('investment', '平台实际完成投资额')] },
      base: 'investment',
      headlineNoun: '投资额',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      cap: { amount: '500万元', per: 'entry', quote: PLATFORM_CAP_QUOTE },
    },
    {
      id: 'm11.platform-industry',
      kind: 'percent',
      title: '行业级工业互联网平台奖补',
      quote: PLATFORM_QUOTE,
      audience: ['enterprise', 'project'],
      repeat: { noun: '新创建的行业级工业互联网平台', facts: [wan('investment', '平台实际完成投资额')] },
      base: 'investment',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      cap: { amount: '400万元', per: 'entry', quote: PLATFORM_CAP_QUOTE },
    },
    {
      id: 'm11.platform-enterprise',
      kind: 'percent',
      title: '企业级工业互联网平台奖补',
      quote: PLATFORM_QUOTE,
      audience: ['enterprise', 'project'],
      repeat: { noun: '新创建的企业级工业互联网平台', facts: [wan('investment', '平台实际完成投资额')] },
      base: 'investment',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      cap: { amount: '300万元', per: 'entry', quote: PLATFORM_CAP_QUOTE },
    },
    {
      id: 'm11.identifier-node',
      kind: 'fixed',
      title: '标识解析二级节点一次性补助',
      quote: '对新建工业互联网标识解析二级节点且与国家顶级节点实现互联互通的企业，给予 500万元一次性补助',
      audience: ['enterprise'],
      conditions: [
        { fact: 'm11.identifierNode', quote: '对新建工业互联网标识解析二级节点且与国家顶级节点实现互联互通的企业' },
      ],
      amount: '500万元',
    },
    {
      id: 'm11.identifier-application',
      kind: 'upTo',
      title: '标识解析创新应用补助',
      quote: '对开展工业互联网标识解析创新应用的企业，依据应用效果给予补助，单个企业最高不超过 300万元',
      audience: ['enterprise'],
      conditions: [{ fact: 'm11.identifierApplication', quote: '对开展工业互联网标识解析创新应用的企业' }],
      cap: { amount: '300万元', per: 'enterprise', quote: '依据应用效果给予补助，单个企业最高不超过 300万元' },
    },
  ],
};

export const m12: Measure = {
  id: 'm12',
  number: 12,
  label: '（十二）',
  section: 3,
  title: '支持新一代信息技术推广应用',
  clause:
    '（十二）支持新一代信息技术推广应用。对 5G 等新一代信息技术在工业领域的典型应用场景项目，按照实际完成投资额的 20%、单个项目最高不超过 500万元给予奖补。',
  audience: ['enterprise', 'project'],
  topic: 'digital',
  support: ['补助', '奖励'],
  facts: [],
  items: [
    {
      id: 'm12.application-scenario',
      kind: 'percent',
      title: '5G 等新一代信息技术典型应用场景项目奖补',
      quote:
        '对 5G 等新一代信息技术在工业领域的典型应用场景项目，按照实际完成投资额的 20%、单个项目最高不超过 500万元给予奖补',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '5G 等新一代信息技术工业应用场景项目',
        facts: [wan('investment', '项目实际完成投资额')],
      },
      base: 'investment',
      headlineNoun: '投资额',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500万元给予奖补' },
    },
  ],
};

export const m13: Measure = {
  id: 'm13',
  number: 13,
  label: '（十三）',
  section: 3,
  title: '支持“两化融合”贯标',
  clause:
    '（十三）支持“两化融合”贯标。对通过国家“两化融合”管理体系标准贯标评定的企业，达到 5A、4A、3A级、2A 级、A 级的分别给予 300万元、200万元、100万元、50万元、30 万元一次性奖励。',
  audience: ['enterprise'],
  topic: 'digital',
  support: ['奖励'],
  facts: [
    choice('m13.level', '通过国家“两化融合”管理体系贯标评定的级别', [
      { value: '5A', label: '5A 级' },
      { value: '4A', label: '4A 级' },
      { value: '3A', label: '3A 级' },
      { value: '2A', label: '2A 级' },
      { value: 'A', label: 'A 级' },
      { value: 'none', label: '未通过评定' },
    ]),
  ],
  items: [
    {
      id: 'm13.integration-level',
      kind: 'level',
      title: '“两化融合”贯标一次性奖励',
      quote:
        '达到 5A、4A、3A级、2A 级、A 级的分别给予 300万元、200万元、100万元、50万元、30 万元一次性奖励',
      audience: ['enterprise'],
      fact: 'm13.level',
      levels: [
        { value: '5A', label: '5A 级', amount: '300万元', quote: '5A、4A、3A级、2A 级、A 级的分别给予 300万元' },
        { value: '4A', label: '4A 级', amount: '200万元', quote: '分别给予 300万元、200万元' },
        { value: '3A', label: '3A 级', amount: '100万元', quote: '分别给予 300万元、200万元、100万元' },
        { value: '2A', label: '2A 级', amount: '50万元', quote: '分别给予 300万元、200万元、100万元、50万元' },
        { value: 'A', label: 'A 级', amount: '30万元', quote: '分别给予 300万元、200万元、100万元、50万元、30 万元' },
      ],
    },
  ],
};

export const m14: Measure = {
  id: 'm14',
  number: 14,
  label: '（十四）',
  section: 3,
  title: '支持企业“上云用数赋智”',
  clause:
    '（十四）支持企业“上云用数赋智”。对设备上云上平台的企业按照实际费用的 20%给予补助，单个企业最高补助不超过 300万元。对认定为自治区优秀云服务商给予最高不超过 100万元一次性奖励。对登云标杆企业，按照登云投入实际费用的 20%给予补助，单个企业最高不超过 200万元。支持婴幼儿配方乳粉质量追溯体系建设，对开展婴幼儿配方乳粉数字化可追溯平台建设，且接入国家婴幼儿配方乳粉质量追溯平台的企业给予 50万元一次性奖励。',
  audience: ['enterprise'],
  topic: 'digital',
  support: ['补助', '奖励'],
  facts: [
    wan('m14.cloudCost', '设备上云上平台的实际费用'),
    flag('m14.cloudProvider', '是否认定为自治区优秀云服务商？'),
    flag('m14.benchmark', '是否为登云标杆企业？'),
    wan('m14.benchmarkCost', '登云投入的实际费用'),
    flag('m14.formulaTrace', '是否建设婴幼儿配方乳粉数字化可追溯平台，且已接入国家婴幼儿配方乳粉质量追溯平台？'),
  ],
  items: [
    {
      id: 'm14.equipment-cloud',
      kind: 'percent',
      title: '设备上云上平台补助',
      quote: '对设备上云上平台的企业按照实际费用的 20%给予补助，单个企业最高补助不超过 300万元',
      audience: ['enterprise'],
      base: 'm14.cloudCost',
      headlineNoun: '上云费用',
      rate: '20%',
      rateQuote: '按照实际费用的 20%给予补助',
      cap: { amount: '300万元', per: 'enterprise', quote: '单个企业最高补助不超过 300万元' },
    },
    {
      id: 'm14.cloud-provider',
      kind: 'upTo',
      title: '自治区优秀云服务商一次性奖励',
      quote: '对认定为自治区优秀云服务商给予最高不超过 100万元一次性奖励',
      audience: ['enterprise'],
      conditions: [{ fact: 'm14.cloudProvider', quote: '对认定为自治区优秀云服务商' }],
      cap: { amount: '100万元', per: 'enterprise', quote: '给予最高不超过 100万元一次性奖励' },
    },
    {
      id: 'm14.cloud-benchmark',
      kind: 'percent',
      title: '登云标杆企业补助',
      quote: '对登云标杆企业，按照登云投入实际费用的 20%给予补助，单个企业最高不超过 200万元',
      audience: ['enterprise'],
      conditions: [{ fact: 'm14.benchmark', quote: '对登云标杆企业' }],
      base: 'm14.benchmarkCost',
      rate: '20%',
      rateQuote: '按照登云投入实际费用的 20%给予补助',
      cap: { amount: '200万元', per: 'enterprise', quote: '单个企业最高不超过 200万元' },
    },
    {
      id: 'm14.infant-formula-trace',
      kind: 'fixed',
      title: '婴幼儿配方乳粉追溯平台一次性奖励',
      quote:
        '对开展婴幼儿配方乳粉数字化可追溯平台建设，且接入国家婴幼儿配方乳粉质量追溯平台的企业给予 50万元一次性奖励',
      audience: ['enterprise'],
      conditions: [
        {
          fact: 'm14.formulaTrace',
          quote: '对开展婴幼儿配方乳粉数字化可追溯平台建设，且接入国家婴幼儿配方乳粉质量追溯平台的企业',
        },
      ],
      amount: '50万元',
    },
  ],
};

export const m15: Measure = {
  id: 'm15',
  number: 15,
  label: '（十五）',
  section: 3,
  title: '支持软件产业发展',
  clause:
    '（十五）支持软件产业发展。按照首版次软件取得知识产权或证书规定期限内截至申请时的实际销售总额的 20%给予补助，单个企业补助金额最高不超过300万元。对企业新开发的工业软件（工业 APP），按照研发该产品实际投入金额的 20%给予补助，单个企业最高不超过 300 万元。',
  audience: ['enterprise'],
  topic: 'digital',
  support: ['补助'],
  facts: [
    wan('m15.firstVersionSales', '首版次软件取得知识产权或证书规定期限内、截至申请时的实际销售总额'),
    wan('m15.industrialSoftwareCost', '新开发工业软件（工业 APP）的研发实际投入金额'),
  ],
  items: [
    {
      id: 'm15.first-version-software',
      kind: 'percent',
      title: '首版次软件补助',
      quote:
        '按照首版次软件取得知识产权或证书规定期限内截至申请时的实际销售总额的 20%给予补助，单个企业补助金额最高不超过300万元',
      audience: ['enterprise'],
      base: 'm15.firstVersionSales',
      headlineNoun: '销售额',
      rate: '20%',
      rateQuote: '实际销售总额的 20%给予补助',
      cap: { amount: '300万元', per: 'enterprise', quote: '单个企业补助金额最高不超过300万元' },
    },
    {
      id: 'm15.industrial-software',
      kind: 'percent',
      title: '工业软件（工业 APP）研发补助',
      quote: '对企业新开发的工业软件（工业 APP），按照研发该产品实际投入金额的 20%给予补助，单个企业最高不超过 300 万元',
      audience: ['enterprise'],
      base: 'm15.industrialSoftwareCost',
      rate: '20%',
      rateQuote: '按照研发该产品实际投入金额的 20%给予补助',
      cap: { amount: '300万元', per: 'enterprise', quote: '单个企业最高不超过 300 万元' },
    },
  ],
};

export const m16: Measure = {
  id: 'm16',
  number: 16,
  label: '（十六）',
  section: 3,
  title: '支持智慧工业园区建设',
  clause:
    '（十六）支持智慧工业园区建设。建设涵盖企业运行、项目建设、能耗管控、污染监测等一体化、“全景式”园区管控平台，对单个园区给予最高不超过 2000万元一次性奖补。',
  audience: ['park'],
  topic: 'park',
  support: ['奖励'],
  facts: [
    flag('m16.parkPlatform', '园区是否建设了涵盖企业运行、项目建设、能耗管控、污染监测等的一体化“全景式”管控平台？'),
  ],
  items: [
    {
      id: 'm16.smart-park',
      kind: 'upTo',
      title: '智慧工业园区一次性奖补',
      quote: '对单个园区给予最高不超过 2000万元一次性奖补',
      audience: ['park'],
      conditions: [
        {
          fact: 'm16.parkPlatform',
          quote: '建设涵盖企业运行、项目建设、能耗管控、污染监测等一体化、“全景式”园区管控平台',
        },
      ],
      cap: { amount: '2000万元', per: 'enterprise', quote: '对单个园区给予最高不超过 2000万元一次性奖补' },
    },
  ],
};

export const section3 = [m11, m12, m13, m14, m15, m16];
