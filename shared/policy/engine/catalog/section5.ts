/** 五、加强要素保障 — measures （二十二）…（三十） (section5). */
import type { Measure } from '../types';
import { flag, wan } from './fact-helpers';

export const m22: Measure = {
  id: 'm22',
  number: 22,
  label: '（二十二）',
  section: 5,
  title: '完善园区基础设施',
  clause: '（二十二）完善园区基础设施。自治区安排专项债券资金，支持工业园区污水、渣场、供热、管网、标准厂房等基础设施项目建设。',
  audience: ['park'],
  topic: 'park',
  support: ['非资金支持'],
  facts: [],
  items: [
    {
      id: 'm22.park-infrastructure-bonds',
      kind: 'nonMonetary',
      title: '园区基础设施专项债券支持',
      tag: '专项债券',
      quote: '自治区安排专项债券资金，支持工业园区污水、渣场、供热、管网、标准厂房等基础设施项目建设',
      audience: ['park'],
      guidance:
        '园区的污水、渣场、供热、管网、标准厂房等基础设施项目可申请专项债券资金：按专项债券项目程序，经所在地政府申报，不是直接拨付的补助。',
    },
  ],
};

export const m23: Measure = {
  id: 'm23',
  number: 23,
  label: '（二十三）',
  section: 5,
  title: '加快充电基础设施建设',
  clause: '（二十三）加快充电基础设施建设。自治区安排专项债券资金，支持新能源汽车充电站（充电桩）、燃料电池加氢站建设。',
  audience: ['enterprise', 'park', 'project'],
  topic: 'investment',
  support: ['非资金支持'],
  facts: [flag('m23.charging', '是否建设新能源汽车充电站（充电桩）或燃料电池加氢站？')],
  items: [
    // A park builds infrastructure (as in （二十二）): the bonds concern every park. An enterprise is
    // told of them only when it builds such stations — a dairy firm is not (issue 22, item 8).
    {
      id: 'm23.charging-bonds',
      kind: 'nonMonetary',
      title: '充电站（桩）、加氢站专项债券支持',
      tag: '专项债券',
      quote: '自治区安排专项债券资金，支持新能源汽车充电站（充电桩）、燃料电池加氢站建设',
      audience: ['park'],
      guidance: '新能源汽车充电站（充电桩）、燃料电池加氢站建设项目可争取专项债券资金，按专项债券项目程序经所在地政府申报。',
    },
    {
      id: 'm23.charging-project-bonds',
      kind: 'nonMonetary',
      title: '充电站（桩）、加氢站建设项目专项债券支持',
      tag: '专项债券',
      quote: '自治区安排专项债券资金，支持新能源汽车充电站（充电桩）、燃料电池加氢站建设',
      audience: ['enterprise', 'project'],
      conditions: [{ fact: 'm23.charging', quote: '支持新能源汽车充电站（充电桩）、燃料电池加氢站建设' }],
      guidance: '新能源汽车充电站（充电桩）、燃料电池加氢站建设项目可争取专项债券资金，按专项债券项目程序经所在地政府申报。',
    },
  ],
};

export const m24: Measure = {
  id: 'm24',
  number: 24,
  label: '（二十四）',
  section: 5,
  title: '优化土地政策',
  clause:
    '（二十四）优化土地政策。对新建先进制造业项目用地可采取长期租赁、先租后让、弹性年期出让等多种方式取得土地使用权。对原依法取得的工业用地改造开发后提高厂房容积率但不改变用途的，可不再增缴土地价款，企业在现有厂区内改建、翻建厂房或者建设地下厂房的免收城市基础设施配套费，在现有厂区内扩建、新建厂房按规定标准减半征收城市基础设施配套费。',
  audience: ['enterprise', 'project'],
  topic: 'landFees',
  support: ['减免', '非资金支持'],
  facts: [
    flag('m24.rebuild', '是否在现有厂区内改建、翻建厂房或建设地下厂房？'),
    wan('m24.rebuildFee', '按规定标准应缴的城市基础设施配套费（改建、翻建、地下厂房）'),
    flag('m24.expand', '是否在现有厂区内扩建、新建厂房？'),
    wan('m24.expandFee', '按规定标准应缴的城市基础设施配套费（扩建、新建厂房）'),
  ],
  items: [
    {
      id: 'm24.flexible-land-supply',
      kind: 'nonMonetary',
      title: '先进制造业项目灵活供地',
      tag: '用地支持',
      quote: '对新建先进制造业项目用地可采取长期租赁、先租后让、弹性年期出让等多种方式取得土地使用权',
      audience: ['enterprise', 'project'],
      guidance: '新建先进制造业项目可以长期租赁、先租后让或弹性年期出让的方式取得土地，降低一次性拿地成本。向项目所在地自然资源部门咨询。',
    },
    {
      id: 'm24.plot-ratio',
      kind: 'nonMonetary',
      title: '提高容积率不再增缴土地价款',
      tag: '免缴地价',
      quote: '对原依法取得的工业用地改造开发后提高厂房容积率但不改变用途的，可不再增缴土地价款',
      audience: ['enterprise', 'project'],
      guidance: '已依法取得的工业用地改造后提高厂房容积率、不改变用途的，可以不再补缴土地价款；金额取决于当地地价，清单未给出。',
    },
    {
      id: 'm24.rebuild-fee-waiver',
      kind: 'feeReduction',
      title: '现有厂区改建、翻建、地下厂房免收配套费',
      quote: '企业在现有厂区内改建、翻建厂房或者建设地下厂房的免收城市基础设施配套费',
      audience: ['enterprise', 'project'],
      conditions: [{ fact: 'm24.rebuild', quote: '企业在现有厂区内改建、翻建厂房或者建设地下厂房的' }],
      word: '免收',
      share: '100%',
      fee: 'm24.rebuildFee',
    },
    {
      id: 'm24.expand-fee-half',
      kind: 'feeReduction',
      title: '现有厂区扩建、新建厂房配套费减半',
      quote: '在现有厂区内扩建、新建厂房按规定标准减半征收城市基础设施配套费',
      audience: ['enterprise', 'project'],
      conditions: [{ fact: 'm24.expand', quote: '在现有厂区内扩建、新建厂房' }],
      word: '减半',
      share: '50%',
      fee: 'm24.expandFee',
    },
  ],
};

export const m25: Measure = {
  id: 'm25',
  number: 25,
  label: '（二十五）',
  section: 5,
  title: '完善资源配置政策',
  clause:
    '（二十五）完善资源配置政策。统筹资源要素，通过市场集中安排比较优势地区重点项目，促进产业集中集聚集约发展。统筹推进新能源开发与新能源装备制造业发展，优先支持新能源开发与新能源装备制造一体化建设。鼓励地区之间通过股权分配、税收分成等方式合作共建重大项目，按照采购规模，对产值、投资、税收等经济指标在产销两地进行分成核算。',
  audience: ['enterprise', 'project'],
  topic: 'investment',
  support: ['非资金支持'],
  facts: [],
  items: [
    {
      id: 'm25.resource-allocation',
      kind: 'nonMonetary',
      title: '新能源开发与装备制造一体化优先支持',
      tag: '资源配置',
      quote: '优先支持新能源开发与新能源装备制造一体化建设',
      audience: ['enterprise', 'project'],
      guidance:
        '新能源开发与新能源装备制造一体化建设的项目在资源配置中优先支持；跨地区合作共建的重大项目可按采购规模在产销两地分成核算产值、投资、税收。',
    },
  ],
};

export const m26: Measure = {
  id: 'm26',
  number: 26,
  label: '（二十六）',
  section: 5,
  title: '加强市场推广',
  clause:
    '（二十六）加强市场推广。有序淘汰国三以下柴油老旧车辆，新增或更新车辆全部使用新能源重型货车。实施公共领域车辆电动化替代，城市新增和更新的公交车辆全部使用新能源汽车，环卫车辆比例不低于 10%，快递物流配送车辆、党政机关及公务机构车辆、出租车、网约车比例不低于 30%。',
  audience: ['enterprise'],
  topic: 'investment',
  support: ['非资金支持'],
  facts: [flag('m26.vehicleMaker', '是否生产新能源汽车或其配套产品（重型货车、公交、环卫、物流、出租等车辆及零部件）？')],
  items: [
    {
      id: 'm26.public-vehicle-electrification',
      kind: 'nonMonetary',
      title: '公共领域车辆电动化带来的市场需求',
      tag: '市场推广',
      quote: '实施公共领域车辆电动化替代',
      audience: ['enterprise'],
      conditions: [{ fact: 'm26.vehicleMaker', quote: '实施公共领域车辆电动化替代' }],
      guidance:
        '新增或更新的重型货车、城市公交全部使用新能源；环卫车辆新能源比例不低于 10%，快递物流、党政机关及公务、出租、网约车不低于 30%。这是市场需求，不是补助，对新能源汽车及配套企业有利。',
    },
  ],
};

export const m27: Measure = {
  id: 'm27',
  number: 27,
  label: '（二十七）',
  section: 5,
  title: '改革电价政策',
  clause:
    '（二十七）改革电价政策。发布自治区重点支持产业目录，对 5G 基站、充电设施、数据中心、先进材料、制氢、储能等纳入目录的给予电价政策支持。',
  audience: ['enterprise', 'project'],
  topic: 'landFees',
  support: ['非资金支持'],
  facts: [flag('m27.listedIndustry', '是否属于 5G 基站、充电设施、数据中心、先进材料、制氢、储能等纳入自治区重点支持产业目录的行业？')],
  items: [
    {
      id: 'm27.power-price',
      kind: 'nonMonetary',
      title: '重点支持产业电价政策支持',
      tag: '电价支持',
      quote: '对 5G 基站、充电设施、数据中心、先进材料、制氢、储能等纳入目录的给予电价政策支持',
      audience: ['enterprise', 'project'],
      conditions: [{ fact: 'm27.listedIndustry', quote: '对 5G 基站、充电设施、数据中心、先进材料、制氢、储能等纳入目录的' }],
      guidance: '纳入自治区重点支持产业目录的可享受电价政策支持，具体电价以目录和电价文件为准。',
    },
  ],
};

export const m28: Measure = {
  id: 'm28',
  number: 28,
  label: '（二十八）',
  section: 5,
  title: '调整能耗政策',
  clause:
    '（二十八）调整能耗政策。以控制能耗强度为核心，对标盟市“十四五”单位GDP能耗降低目标，按照“一盟（市）一策、分类处理”的原则，分盟市设置新上项目能耗强度标杆值，合理保障低能耗强度优质项目用能需求。支持将符合条件的煤电气肥保供、现代煤化工、全国一体化算力网络内蒙古枢纽节点和林格尔数据中心集群（和林格尔新区、集宁大数据产业园）等项目纳入国家重大项目能耗单列范围。',
  audience: ['enterprise', 'project'],
  topic: 'landFees',
  support: ['非资金支持'],
  facts: [],
  items: [
    {
      id: 'm28.energy-quota',
      kind: 'nonMonetary',
      title: '低能耗强度优质项目用能保障',
      tag: '用能保障',
      quote: '合理保障低能耗强度优质项目用能需求',
      audience: ['enterprise', 'project'],
      guidance:
        '新上项目的能耗强度低于所在盟市设置的标杆值的，用能需求优先保障；煤电气肥保供、现代煤化工、和林格尔数据中心集群等符合条件的项目可争取纳入国家重大项目能耗单列。',
    },
  ],
};

export const m29: Measure = {
  id: 'm29',
  number: 29,
  label: '（二十九）',
  section: 5,
  title: '培育优质企业',
  clause:
    '（二十九）培育优质企业。激励企业高质量发展，按年度对企业进行评选，对认定为技术改造先进企业、科技创新先进企业、节能降耗先进企业、数字化应用先进企业、专精特新先进企业的，每户企业给予一次性 100万元支持，支持资金主要用于企业研发投入和关键设备购置。',
  audience: ['enterprise'],
  topic: 'platforms',
  support: ['奖励'],
  facts: [
    flag(
      'm29.advancedEnterprise',
      '本年度是否被评为技术改造、科技创新、节能降耗、数字化应用或专精特新先进企业？',
    ),
  ],
  items: [
    {
      id: 'm29.advanced-enterprise',
      kind: 'fixed',
      title: '年度先进企业一次性支持',
      quote:
        '对认定为技术改造先进企业、科技创新先进企业、节能降耗先进企业、数字化应用先进企业、专精特新先进企业的，每户企业给予一次性 100万元支持',
      audience: ['enterprise'],
      conditions: [
        {
          fact: 'm29.advancedEnterprise',
          quote: '对认定为技术改造先进企业、科技创新先进企业、节能降耗先进企业、数字化应用先进企业、专精特新先进企业的',
        },
      ],
      amount: '100万元',
      note: '“每户企业给予一次性 100万元”：按每户一次计。资金主要用于研发投入和关键设备购置。',
    },
  ],
};

export const m30: Measure = {
  id: 'm30',
  number: 30,
  label: '（三十）',
  section: 5,
  title: '强化园区考核',
  clause:
    '（三十）强化园区考核。突出高质量发展导向，按年度对工业园区进行考核评价，对考核评价认定为综合实力强的工业园区，每个工业园区给予一次性 3000万元支持，对考核评价认定为争先进位快、亩均效益高、绿色转型好、科技创新强、招商引资多的工业园区，每个工业园区给予一次性 500万元支持，支持资金主要用于工业园区基础设施建设。',
  audience: ['park'],
  topic: 'park',
  support: ['奖励'],
  facts: [
    flag('m30.strongPark', '园区本年度是否被考核评价认定为“综合实力强”？'),
    flag('m30.excellentPark', '园区本年度是否被认定为争先进位快、亩均效益高、绿色转型好、科技创新强或招商引资多？'),
  ],
  items: [
    {
      id: 'm30.strong-park',
      kind: 'fixed',
      title: '综合实力强工业园区一次性支持',
      quote: '对考核评价认定为综合实力强的工业园区，每个工业园区给予一次性 3000万元支持',
      audience: ['park'],
      conditions: [{ fact: 'm30.strongPark', quote: '对考核评价认定为综合实力强的工业园区' }],
      amount: '3000万元',
    },
    {
      id: 'm30.excellent-park',
      kind: 'fixed',
      title: '争先进位快等五类工业园区一次性支持',
      quote:
        '对考核评价认定为争先进位快、亩均效益高、绿色转型好、科技创新强、招商引资多的工业园区，每个工业园区给予一次性 500万元支持',
      audience: ['park'],
      conditions: [
        {
          fact: 'm30.excellentPark',
          quote: '对考核评价认定为争先进位快、亩均效益高、绿色转型好、科技创新强、招商引资多的工业园区',
        },
      ],
      amount: '500万元',
      note: '“每个工业园区给予一次性 500万元”：获得其中几类认定都按一次计。',
    },
  ],
};

export const section5 = [m22, m23, m24, m25, m26, m27, m28, m29, m30];
