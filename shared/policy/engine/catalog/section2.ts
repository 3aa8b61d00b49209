/** 二、扩大有效投资 — measures （八）…（十） (section2). */
import type { Measure } from '../types';
import { flag, wan } from './fact-helpers';

export const m08: Measure = {
  id: 'm08',
  number: 8,
  label: '（八）',
  section: 2,
  title: '引导企业增加技术改造投入',
  clause:
    '（八）引导企业增加技术改造投入。对投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）的先进制造业集群、优势特色产业链的工艺设备更新、新产品开发等技术改造项目，按照实际完成投资额的 20%、单个项目最高不超过 500万元给予补助。对智能工厂、数字化车间项目，按照实际完成投资额的 20%、单个项目最高不超过 500 万元给予补助。支持高危、高强度生产环节“机器换人”，按照工业机器人购置费用的 20%、单个项目最高不超过 500万元给予补助。',
  audience: ['enterprise', 'project'],
  topic: 'investment',
  support: ['补助'],
  facts: [],
  items: [
    {
      id: 'm08.upgrade',
      kind: 'percent',
      title: '技术改造项目补助',
      quote:
        '对投资 2000万元及以上（脱贫地区、革命老区投资 1000万元及以上）的先进制造业集群、优势特色产业链的工艺设备更新、新产品开发等技术改造项目，按照实际完成投资额的 20%、单个项目最高不超过 500万元给予补助',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '技术改造项目',
        facts: [
          flag(
            'chain',
            '项目是否属于先进制造业集群或优势特色产业链的技术改造（工艺设备更新、新产品开发等）？',
          ),
          wan('investment', '项目实际完成投资额', '门槛（2000万元，脱贫地区、革命老区 1000万元）也按此金额判断'),
        ],
      },
      conditions: [
        { fact: 'chain', quote: '先进制造业集群、优势特色产业链的工艺设备更新、新产品开发等技术改造项目' },
      ],
      base: 'investment',
      headlineNoun: '投资额',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      threshold: {
        fact: 'investment',
        min: '2000万元',
        word: '及以上',
        quote: '对投资 2000万元及以上',
        reduced: {
          min: '1000万元',
          when: ['poverty', 'oldRevolutionary'],
          word: '及以上',
          quote: '脱贫地区、革命老区投资 1000万元及以上',
        },
      },
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500万元给予补助' },
      note: '门槛写的是“投资”，计算基数是“实际完成投资额”；这里两者都用实际完成投资额。',
    },
    {
      id: 'm08.smart-factory',
      kind: 'percent',
      title: '智能工厂、数字化车间项目补助',
      quote: '对智能工厂、数字化车间项目，按照实际完成投资额的 20%、单个项目最高不超过 500 万元给予补助',
      audience: ['enterprise', 'project'],
      repeat: { noun: '智能工厂或数字化车间项目', facts: [wan('investment', '项目实际完成投资额')] },
      base: 'investment',
      rate: '20%',
      rateQuote: '按照实际完成投资额的 20%',
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500 万元给予补助' },
    },
    {
      id: 'm08.robots',
      kind: 'percent',
      title: '“机器换人”工业机器人购置补助',
      quote: '支持高危、高强度生产环节“机器换人”，按照工业机器人购置费用的 20%、单个项目最高不超过 500万元给予补助',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '“机器换人”项目',
        facts: [
          flag('hazardous', '机器人是否用于高危、高强度生产环节？'),
          wan('robotCost', '工业机器人购置费用'),
        ],
      },
      conditions: [{ fact: 'hazardous', quote: '支持高危、高强度生产环节“机器换人”' }],
      base: 'robotCost',
      rate: '20%',
      rateQuote: '按照工业机器人购置费用的 20%',
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500万元给予补助' },
    },
  ],
};

export const m09: Measure = {
  id: 'm09',
  number: 9,
  label: '（九）',
  section: 2,
  title: '引导企业扩大先进制造业和重点产业链投资',
  clause:
    '（九）引导企业扩大先进制造业和重点产业链投资。对投资额 10亿元及以上且当年投产的先进制造业集群、优势特色产业链“延链补链强链”建设重点项目，按贷款实际利息的 30%、单个项目最高不超过 500 万元给予一年贴息补助。',
  audience: ['enterprise', 'project'],
  topic: 'investment',
  support: ['贴息'],
  facts: [],
  items: [
    {
      id: 'm09.interest-subsidy',
      kind: 'percent',
      title: '重点项目一年贷款贴息',
      quote:
        '对投资额 10亿元及以上且当年投产的先进制造业集群、优势特色产业链“延链补链强链”建设重点项目，按贷款实际利息的 30%、单个项目最高不超过 500 万元给予一年贴息补助',
      audience: ['enterprise', 'project'],
      repeat: {
        noun: '重点项目',
        facts: [
          flag('keyChain', '是否为先进制造业集群、优势特色产业链“延链补链强链”建设重点项目？'),
          flag('producedThisYear', '项目是否当年投产？'),
          wan('investment', '项目投资额'),
          wan('interest', '项目一年的贷款实际利息'),
        ],
      },
      conditions: [
        { fact: 'keyChain', quote: '先进制造业集群、优势特色产业链“延链补链强链”建设重点项目' },
        { fact: 'producedThisYear', quote: '当年投产' },
      ],
      base: 'interest',
      headlineNoun: '贷款利息',
      rate: '30%',
      rateQuote: '按贷款实际利息的 30%',
      threshold: { fact: 'investment', min: '10亿元', word: '及以上', quote: '对投资额 10亿元及以上' },
      cap: { amount: '500万元', per: 'entry', quote: '单个项目最高不超过 500 万元给予一年贴息补助' },
    },
  ],
};

export const m10: Measure = {
  id: 'm10',
  number: 10,
  label: '（十）',
  section: 2,
  title: '强化基金支持',
  clause:
    '（十）强化基金支持。扩大自治区重点产业发展引导基金规模，以市场化方式重点支持先进制造业集群和产业链重大项目。在自治区重点产业发展引导基金内设立 5亿元中小企业发展基金，重点支持“专精特新”中小企业发展。以市场化方式设立新能源装备制造产业基金 100亿元，重点支持新能源装备制造重大项目建设。',
  audience: ['enterprise', 'project'],
  topic: 'investment',
  support: ['非资金支持'],
  facts: [],
  items: [
    {
      id: 'm10.funds',
      kind: 'nonMonetary',
      title: '产业基金支持',
      tag: '基金支持',
      quote: '以市场化方式重点支持先进制造业集群和产业链重大项目',
      audience: ['enterprise', 'project'],
      guidance:
        '基金以市场化方式投资（股权投资），不是补助：先进制造业集群和产业链重大项目可找自治区重点产业发展引导基金；“专精特新”中小企业可找其中设立的 5亿元中小企业发展基金；新能源装备制造重大项目可找 100亿元新能源装备制造产业基金。',
    },
  ],
};

export const section2 = [m08, m09, m10];
