/** 一、加强创新能力建设 — measures （一）…（七） (section1). Every figure sits next to the phrase that states it. */
import type { Measure } from '../types';
import { choice, count, flag, wan } from './fact-helpers';

export const m01: Measure = {
  id: 'm01',
  number: 1,
  label: '（一）',
  section: 1,
  title: '支持企业创新平台建设',
  clause:
    '（一）支持企业创新平台建设。对国家级制造业创新中心给予 1000万元研发经费补助。对新创建成为自治区制造业创新中心的给予 500万元一次性研发经费补助。对新认定为国家级、自治区级工业设计中心的，分别给予 100万元、50万元一次性研发经费补助。对新认定的自治区级企业技术中心，给予 50万元一次性研发经费补助。对新认定的国家技术创新示范企业、全国“质量标杆”企业，给予 100万元一次性研发经费补助。',
  audience: ['enterprise'],
  topic: 'platforms',
  support: ['补助'],
  facts: [
    flag('m01.nationalInnovationCenter', '是否为国家级制造业创新中心（或其建设主体）？'),
    flag('m01.regionalInnovationCenter', '是否新创建成为自治区制造业创新中心？'),
    choice('m01.designCenter', '新认定的工业设计中心是哪一级？', [
      { value: 'national', label: '国家级' },
      { value: 'regional', label: '自治区级' },
      { value: 'none', label: '没有新认定' },
    ]),
    flag('m01.techCenter', '是否新认定为自治区级企业技术中心？'),
    flag('m01.demoOrBenchmark', '是否新认定为国家技术创新示范企业或全国“质量标杆”企业？'),
  ],
  items: [
    {
      id: 'm01.national-innovation-center',
      kind: 'fixed',
      title: '国家级制造业创新中心研发经费补助',
      quote: '对国家级制造业创新中心给予 1000万元研发经费补助',
      audience: ['enterprise'],
      conditions: [{ fact: 'm01.nationalInnovationCenter', quote: '对国家级制造业创新中心' }],
      amount: '1000万元',
    },
    {
      id: 'm01.regional-innovation-center',
      kind: 'fixed',
      title: '自治区制造业创新中心一次性研发经费补助',
      quote: '对新创建成为自治区制造业创新中心的给予 500万元一次性研发经费补助',
      audience: ['enterprise'],
      conditions: [{ fact: 'm01.regionalInnovationCenter', quote: '对新创建成为自治区制造业创新中心的' }],
      amount: '500万元',
    },
    {
      id: 'm01.design-center',
      kind: 'level',
      title: '工业设计中心一次性研发经费补助',
      quote: '对新认定为国家级、自治区级工业设计中心的，分别给予 100万元、50万元一次性研发经费补助',
      audience: ['enterprise'],
      fact: 'm01.designCenter',
      levels: [
        { value: 'national', label: '国家级工业设计中心', amount: '100万元', quote: '国家级、自治区级工业设计中心的，分别给予 100万元、50万元' },
        { value: 'regional', label: '自治区级工业设计中心', amount: '50万元', quote: '国家级、自治区级工业设计中心的，分别给予 100万元、50万元' },
      ],
    },
    {
      id: 'm01.tech-center',
      kind: 'fixed',
      title: '自治区级企业技术中心一次性研发经费补助',
      quote: '对新认定的自治区级企业技术中心，给予 50万元一次性研发经费补助',
      audience: ['enterprise'],
      conditions: [{ fact: 'm01.techCenter', quote: '对新认定的自治区级企业技术中心' }],
      amount: '50万元',
    },
    {
      id: 'm01.demo-or-benchmark',
      kind: 'fixed',
      title: '国家技术创新示范企业、全国“质量标杆”企业一次性研发经费补助',
      quote: '对新认定的国家技术创新示范企业、全国“质量标杆”企业，给予 100万元一次性研发经费补助',
      audience: ['enterprise'],
      conditions: [{ fact: 'm01.demoOrBenchmark', quote: '对新认定的国家技术创新示范企业、全国“质量标杆”企业' }],
      amount: '100万元',
      note: '同一句列出两种认定、给予一个金额；同年获得两种认定是否各补一次，清单未写明，按一次计。',
    },
  ],
};

export const m02: Measure = {
  id: 'm02',
  number: 2,
  label: '（二）',
  section: 1,
  title: '支持技术创新成果产业化应用',
  clause:
    '（二）支持技术创新成果产业化应用。发布新技术产业化应用指导目录（2022本），对列入目录的重大技术创新成果在区内实现转化应用的项目，按实际完成投资额的 20%给予一次性补助，单个项目最高不超过 500 万元。',
  audience: ['enterprise', 'project'],
  topic: 'investment',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm02.industrialization',
      kind: 'percent',
      title: '技术创新成果转化应用项目一次性补助',
      quote: '按实际完成投资额的 20%给予一次性补助，单个项目最高不超过 500 万元',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '转化应用项目',
        facts: [
          flag('listed', '成果是否列入《新技术产业化应用指导目录（2022本）》并在区内转化应用？'),
          wan('investment', '项目实际完成投资额'),
        ],
      },
      conditions: [{ fact: 'listed', quote: '对列入目录的重大技术创新成果在区内实现转化应用的项目' }],
      base: 'investment',
      headlineNoun: '投资额',
      rate: '20%',
      rateQuote: '按实际完成投资额的 20%给予一次性补助',
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500 万元' },
    },
  ],
};

export const m03: Measure = {
  id: 'm03',
  number: 3,
  label: '（三）',
  section: 1,
  title: '支持标准制定',
  clause:
    '（三）支持标准制定。对主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元一次性奖励；参与制定国际、国家（行业）标准的企业，分别给予每个 20万元、10万元一次性奖励；单个企业主导或参与标准制定每年奖励资金不超过 50万元。',
  audience: ['enterprise'],
  topic: 'standards',
  support: ['奖励'],
  facts: [
    count('m03.leadInternational', '本年度主导制定的国际标准数量', '个'),
    count('m03.leadNational', '本年度主导制定的国家（行业）标准数量', '个'),
    count('m03.joinInternational', '本年度参与制定的国际标准数量', '个'),
    count('m03.joinNational', '本年度参与制定的国家（行业）标准数量', '个'),
  ],
  groups: [{ id: 'm03.yearly', amount: '50万元', quote: '单个企业主导或参与标准制定每年奖励资金不超过 50万元' }],
  items: [
    {
      id: 'm03.lead-international',
      kind: 'perCount',
      title: '主导制定国际标准奖励',
      quote: '对主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元一次性奖励',
      audience: ['enterprise'],
      base: 'm03.leadInternational',
      headlineNoun: '标准',
      rate: '30万元',
      per: '个',
      rateQuote: '主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元',
      group: 'm03.yearly',
    },
    {
      id: 'm03.lead-national',
      kind: 'perCount',
      title: '主导制定国家（行业）标准奖励',
      quote: '对主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元一次性奖励',
      audience: ['enterprise'],
      base: 'm03.leadNational',
      rate: '20万元',
      per: '个',
      rateQuote: '主导制定国际、国家（行业）标准的企业，分别给予每个标准 30万元、20万元',
      group: 'm03.yearly',
    },
    {
      id: 'm03.join-international',
      kind: 'perCount',
      title: '参与制定国际标准奖励',
      quote: '参与制定国际、国家（行业）标准的企业，分别给予每个 20万元、10万元一次性奖励',
      audience: ['enterprise'],
      base: 'm03.joinInternational',
      rate: '20万元',
      per: '个',
      rateQuote: '参与制定国际、国家（行业）标准的企业，分别给予每个 20万元、10万元',
      group: 'm03.yearly',
    },
    {
      id: 'm03.join-national',
      kind: 'perCount',
      title: '参与制定国家（行业）标准奖励',
      quote: '参与制定国际、国家（行业）标准的企业，分别给予每个 20万元、10万元一次性奖励',
      audience: ['enterprise'],
      base: 'm03.joinNational',
      rate: '10万元',
      per: '个',
      rateQuote: '参与制定国际、国家（行业）标准的企业，分别给予每个 20万元、10万元',
      group: 'm03.yearly',
    },
  ],
};

export const m04: Measure = {
  id: 'm04',
  number: 4,
  label: '（四）',
  section: 1,
  title: '支持首台套、首批次产品推广',
  clause:
    '（四）支持首台套、首批次产品推广。对认定为自治区技术装备首台（套）、关键零部件首批（次）、新材料首批（次）产品，按照保费的 80%给予补偿。',
  audience: ['enterprise'],
  topic: 'platforms',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm04.first-set-insurance',
      kind: 'percent',
      title: '首台（套）、首批（次）产品保费补偿',
      quote: '按照保费的 80%给予补偿',
      audience: ['enterprise'],
      repeat: {
        noun: '首台（套）/首批（次）产品',
        facts: [
          flag('recognized', '产品是否认定为自治区技术装备首台（套）、关键零部件首批（次）或新材料首批（次）？'),
          wan('premium', '该产品投保的保费'),
        ],
      },
      conditions: [
        {
          fact: 'recognized',
          quote: '对认定为自治区技术装备首台（套）、关键零部件首批（次）、新材料首批（次）产品',
        },
      ],
      base: 'premium',
      headlineNoun: '保费',
      rate: '80%',
      rateQuote: '按照保费的 80%给予补偿',
      note: '条文未设上限。',
    },
  ],
};

export const m05: Measure = {
  id: 'm05',
  number: 5,
  label: '（五）',
  section: 1,
  title: '支持仿制药一致性评价',
  clause:
    '（五）支持仿制药一致性评价。对启动仿制药一致性评价的药品品种，以受理仿制药一致性评价申请或备案临床试验为节点，先行补助 30万元，通过一致性评价的品种再给予不低于总投入 20%后续补助，单个品种补助总额不超过 300万元。',
  audience: ['enterprise'],
  topic: 'pharma',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm05.generic-drug',
      kind: 'advanceShare',
      title: '仿制药一致性评价补助',
      quote:
        '先行补助 30万元，通过一致性评价的品种再给予不低于总投入 20%后续补助，单个品种补助总额不超过 300万元',
      audience: ['enterprise'],
      repeat: {
        noun: '药品品种',
        facts: [
          flag('accepted', '一致性评价申请是否已受理，或临床试验已备案？'),
          flag('passed', '是否已通过一致性评价？'),
          wan('investment', '该品种一致性评价的总投入'),
        ],
      },
      advanceFact: 'accepted',
      advance: '30万元',
      advanceQuote: '以受理仿制药一致性评价申请或备案临床试验为节点，先行补助 30万元',
      passedFact: 'passed',
      base: 'investment',
      minRate: '20%',
      shareQuote: '通过一致性评价的品种再给予不低于总投入 20%后续补助',
      cap: { amount: '300万元', per: 'entry', quote: '单个品种补助总额不超过 300万元' },
      note: '“不低于”是下限：后续补助至少为总投入的 20%，具体由主管部门定，总额不超过 300万元。',
    },
  ],
};

export const m06: Measure = {
  id: 'm06',
  number: 6,
  label: '（六）',
  section: 1,
  title: '支持“专精特新”中小企业发展',
  clause:
    '（六）支持“专精特新”中小企业发展。对自治区认定的创新型中小企业、“专精特新”中小企业和“小巨人”企业，分别给予 20万元、50万元、100万元一次性奖励。',
  audience: ['enterprise'],
  topic: 'platforms',
  support: ['奖励'],
  facts: [
    choice('m06.recognition', '本年度获得自治区认定的是哪一类？', [
      { value: 'innovative', label: '创新型中小企业' },
      { value: 'specialized', label: '“专精特新”中小企业' },
      { value: 'littleGiant', label: '“小巨人”企业' },
      { value: 'none', label: '都没有' },
    ]),
  ],
  items: [
    {
      id: 'm06.sme-recognition',
      kind: 'level',
      title: '创新型、“专精特新”中小企业和“小巨人”企业一次性奖励',
      quote:
        '对自治区认定的创新型中小企业、“专精特新”中小企业和“小巨人”企业，分别给予 20万元、50万元、100万元一次性奖励',
      audience: ['enterprise'],
      conditions: [{ fact: 'sme', quote: '创新型中小企业、“专精特新”中小企业和“小巨人”企业', presumed: true }],
      fact: 'm06.recognition',
      levels: [
        { value: 'innovative', label: '创新型中小企业', amount: '20万元', quote: '分别给予 20万元、50万元、100万元一次性奖励' },
        { value: 'specialized', label: '“专精特新”中小企业', amount: '50万元', quote: '分别给予 20万元、50万元、100万元一次性奖励' },
        { value: 'littleGiant', label: '“小巨人”企业', amount: '100万元', quote: '分别给予 20万元、50万元、100万元一次性奖励' },
      ],
    },
  ],
};

export const m07: Measure = {
  id: 'm07',
  number: 7,
  label: '（七）',
  section: 1,
  title: '支持工匠人才培育',
  clause: '（七）支持工匠人才培育。对“大国工匠”“北疆工匠”分别按每人每年 20 万元、10万元标准给予一次性奖励。',
  audience: ['person', 'enterprise'],
  topic: 'craftsmen',
  support: ['奖励'],
  facts: [
    count('m07.greatCraftsmen', '本企业获评“大国工匠”的人数', '人'),
    count('m07.northCraftsmen', '本企业获评“北疆工匠”的人数', '人'),
  ],
  items: [
    {
      id: 'm07.great-craftsman',
      kind: 'perCount',
      title: '“大国工匠”奖励',
      quote: '对“大国工匠”“北疆工匠”分别按每人每年 20 万元、10万元标准给予一次性奖励',
      audience: ['person', 'enterprise'],
      base: 'm07.greatCraftsmen',
      rate: '20万元',
      per: '人',
      rateQuote: '分别按每人每年 20 万元、10万元标准',
      note: '奖励对象是工匠本人，不是企业。',
    },
    {
      id: 'm07.north-craftsman',
      kind: 'perCount',
      title: '“北疆工匠”奖励',
      quote: '对“大国工匠”“北疆工匠”分别按每人每年 20 万元、10万元标准给予一次性奖励',
      audience: ['person', 'enterprise'],
      base: 'm07.northCraftsmen',
      rate: '10万元',
      per: '人',
      rateQuote: '分别按每人每年 20 万元、10万元标准',
      note: '奖励对象是工匠本人，不是企业。',
    },
  ],
};

export const section1 = [m01, m02, m03, m04, m05, m06, m07];
