/** 四、促进产业绿色化转型 — measures （十七）…（二十一） (section4). */
import type { Measure } from '../types';
import { flag, tons } from './fact-helpers';

export const m17: Measure = {
  id: 'm17',
  number: 17,
  label: '（十七）',
  section: 4,
  title: '支持节能技术改造',
  clause:
    '（十七）支持节能技术改造。对年节能量 2000 吨标准煤以上的（含 2000 吨标准煤）节能技术改造项目（包括打捆项目），每节约 1 吨标准煤给予 200元补助，单个项目补助不超过 500万元。对大数据中心电源使用效率（PUE值）首次降低到 1.3的，每节约 1 吨标准煤给予 200元补助，单个项目补助不超过 500万元。',
  audience: ['enterprise', 'project'],
  topic: 'resources',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm17.energy-saving',
      kind: 'perUnit',
      title: '节能技术改造项目补助',
      quote:
        '对年节能量 2000 吨标准煤以上的（含 2000 吨标准煤）节能技术改造项目（包括打捆项目），每节约 1 吨标准煤给予 200元补助，单个项目补助不超过 500万元',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '节能技术改造项目（含打捆项目）',
        facts: [tons('savedCoal', '项目年节能量', '吨标准煤')],
      },
      base: 'savedCoal',
      rate: '200元',
      per: '吨标准煤',
      rateQuote: '每节约 1 吨标准煤给予 200元补助',
      threshold: {
        fact: 'savedCoal',
        min: '2000吨标准煤',
        word: '含',
        quote: '对年节能量 2000 吨标准煤以上的（含 2000 吨标准煤）',
      },
      cap: { amount: '500万元', per: 'entry', quote: '单个项目补助不超过 500万元' },
    },
    {
      id: 'm17.data-center-pue',
      kind: 'perUnit',
      title: '大数据中心 PUE 降低补助',
      quote: '对大数据中心电源使用效率（PUE值）首次降低到 1.3的，每节约 1 吨标准煤给予 200元补助，单个项目补助不超过 500万元',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '大数据中心',
        facts: [
          flag('pueFirstBelow', '数据中心电源使用效率（PUE 值）是否首次降低到 1.3？'),
          tons('savedCoal', '由此每年节约的标准煤', '吨标准煤'),
        ],
      },
      conditions: [{ fact: 'pueFirstBelow', quote: '对大数据中心电源使用效率（PUE值）首次降低到 1.3的' }],
      base: 'savedCoal',
      rate: '200元',
      per: '吨标准煤',
      rateQuote: '每节约 1 吨标准煤给予 200元补助',
      cap: { amount: '500万元', per: 'entry', quote: '单个项目补助不超过 500万元' },
    },
  ],
};

export const m18: Measure = {
  id: 'm18',
  number: 18,
  label: '（十八）',
  section: 4,
  title: '支持节水技术改造',
  clause:
    '（十八）支持节水技术改造。对年节水量 5万吨以上的节水技术改造项目（包括打捆项目），按每节约 1 吨水给予 10元补助，单个项目补助不超过 500万元。',
  audience: ['enterprise', 'project'],
  topic: 'resources',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm18.water-saving',
      kind: 'perUnit',
      title: '节水技术改造项目补助',
      quote: '对年节水量 5万吨以上的节水技术改造项目（包括打捆项目），按每节约 1 吨水给予 10元补助，单个项目补助不超过 500万元',
      audience: ['enterprise', 'project'],
      repeat: { noun: '节水技术改造项目（含打捆项目）', facts: [tons('savedWater', '项目年节水量', '吨')] },
      base: 'savedWater',
      headlineNoun: '水',
      rate: '10元',
      per: '吨',
      rateQuote: '按每节约 1 吨水给予 10元补助',
      threshold: { fact: 'savedWater', min: '5万吨', word: '以上', quote: '对年节水量 5万吨以上' },
      cap: { amount: '500万元', per: 'entry', quote: '单个项目补助不超过 500万元' },
    },
  ],
};

export const m19: Measure = {
  id: 'm19',
  number: 19,
  label: '（十九）',
  section: 4,
  title: '支持固废综合利用',
  clause:
    '（十九）支持固废综合利用。对新建年利用量 1 万吨以上的采用先进适用技术进行工业固废和再生资源高端化、绿色化、循环化利用项目，每利用 1 吨工业固废和再生资源给予 10元补助，单个项目补助不超过 500万元。',
  audience: ['enterprise', 'project'],
  topic: 'resources',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm19.solid-waste',
      kind: 'perUnit',
      title: '工业固废和再生资源利用项目补助',
      quote:
        '对新建年利用量 1 万吨以上的采用先进适用技术进行工业固废和再生资源高端化、绿色化、循环化利用项目，每利用 1 吨工业固废和再生资源给予 10元补助，单个项目补助不超过 500万元',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '固废和再生资源利用项目',
        facts: [
          flag('newAdvanced', '是否为新建项目，且采用先进适用技术进行工业固废和再生资源高端化、绿色化、循环化利用？'),
          tons('utilized', '项目年利用工业固废和再生资源的量', '吨'),
        ],
      },
      conditions: [
        {
          fact: 'newAdvanced',
          quote: '采用先进适用技术进行工业固废和再生资源高端化、绿色化、循环化利用项目',
        },
      ],
      base: 'utilized',
      headlineNoun: '固废',
      rate: '10元',
      per: '吨',
      rateQuote: '每利用 1 吨工业固废和再生资源给予 10元补助',
      threshold: { fact: 'utilized', min: '1万吨', word: '以上', quote: '对新建年利用量 1 万吨以上' },
      cap: { amount: '500万元', per: 'entry', quote: '单个项目补助不超过 500万元' },
    },
  ],
};

export const m20: Measure = {
  id: 'm20',
  number: 20,
  label: '（二十）',
  section: 4,
  title: '支持低碳零碳示范园区建设',
  clause: '（二十）支持低碳零碳示范园区建设。对自治区低碳示范园区、零碳示范园区，根据新增可再生能源消纳对应的能耗量给予一次性奖补。',
  audience: ['park'],
  topic: 'park',
  support: ['奖励'],
  facts: [flag('m20.demoPark', '园区是否为自治区低碳示范园区或零碳示范园区？')],
  items: [
    {
      id: 'm20.low-carbon-park',
      kind: 'unquantified',
      title: '低碳零碳示范园区一次性奖补',
      tag: '一次性奖补',
      quote: '对自治区低碳示范园区、零碳示范园区，根据新增可再生能源消纳对应的能耗量给予一次性奖补',
      audience: ['park'],
      conditions: [{ fact: 'm20.demoPark', quote: '对自治区低碳示范园区、零碳示范园区' }],
      guidance: '奖补按新增可再生能源消纳对应的能耗量确定，清单没有给出每单位金额，以主管部门核定为准。',
    },
  ],
};

export const m21: Measure = {
  id: 'm21',
  number: 21,
  label: '（二十一）',
  section: 4,
  title: '支持绿色制造示范',
  clause:
    '（二十一）支持绿色制造示范。对新认定为国家级绿色工厂、绿色产品、绿色供应链、能效领跑者、水效领跑者的企业给予 100万元一次性奖励，对新认定为自治区级绿色工厂、绿色产品、绿色供应链、节水标杆的企业给予 50万元一次性奖励。',
  audience: ['enterprise'],
  topic: 'green',
  support: ['奖励'],
  facts: [
    flag('m21.nationalGreen', '是否新认定为国家级绿色工厂、绿色产品、绿色供应链、能效领跑者或水效领跑者？'),
    flag('m21.regionalGreen', '是否新认定为自治区级绿色工厂、绿色产品、绿色供应链或节水标杆？'),
  ],
  items: [
    {
      id: 'm21.national-green',
      kind: 'fixed',
      title: '国家级绿色制造示范一次性奖励',
      quote: '对新认定为国家级绿色工厂、绿色产品、绿色供应链、能效领跑者、水效领跑者的企业给予 100万元一次性奖励',
      audience: ['enterprise'],
      conditions: [
        { fact: 'm21.nationalGreen', quote: '对新认定为国家级绿色工厂、绿色产品、绿色供应链、能效领跑者、水效领跑者的企业' },
      ],
      amount: '100万元',
      note: '条文按“企业”给予一次奖励；同年获得几项国家级认定是否各奖一次，清单未写明，按一次计。',
    },
    {
      id: 'm21.regional-green',
      kind: 'fixed',
      title: '自治区级绿色制造示范一次性奖励',
      quote: '对新认定为自治区级绿色工厂、绿色产品、绿色供应链、节水标杆的企业给予 50万元一次性奖励',
      audience: ['enterprise'],
      conditions: [
        { fact: 'm21.regionalGreen', quote: '对新认定为自治区级绿色工厂、绿色产品、绿色供应链、节水标杆的企业' },
      ],
      amount: '50万元',
      note: '条文按“企业”给予一次奖励；同年获得几项自治区级认定是否各奖一次，清单未写明，按一次计。',
    },
  ],
};

export const section4 = [m17, m18, m19, m20, m21];
